# syntax=docker/dockerfile:1
#
# postgate in a small image whose entry point is `postgate`.
#
#   docker build -t postgate .
#   docker run --rm -v "$PWD:/work" postgate run api.postman_collection.json
#
# Stage 1 builds the release binary with the Rust toolchain; stage 2 ships
# only that binary on Debian slim (glibc, libgcc_s and the CA certificates
# it needs for TLS; a shell stays available for CI systems such as GitLab
# that run job scripts inside the image).

ARG RUST_VERSION=1.95
ARG DEBIAN_RELEASE=bookworm

FROM rust:${RUST_VERSION}-${DEBIAN_RELEASE} AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY runner ./runner
COPY fixtures ./fixtures
# The release profile strips symbols already.
RUN cargo build --release --locked -p postgate --bin postgate

FROM debian:${DEBIAN_RELEASE}-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 postgate
COPY --from=build /src/target/release/postgate /usr/local/bin/postgate
USER postgate
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/postgate"]
CMD ["--help"]
