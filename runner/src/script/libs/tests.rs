use rquickjs::{Context, Runtime};

pub(super) fn eval_str(src: &str) -> String {
    let rt = Runtime::new().unwrap();
    let ctx = Context::full(&rt).unwrap();
    ctx.with(|ctx| {
        super::install(&ctx).unwrap();
        ctx.eval::<(), _>(super::PRELUDE).unwrap();
        match ctx.eval::<rquickjs::Coerced<String>, _>(src) {
            Ok(s) => s.0,
            Err(rquickjs::Error::Exception) => {
                let e = ctx.catch();
                let msg = e.as_object().and_then(|o| o.get::<_, String>("message").ok()).unwrap_or_default();
                let name = e.as_object().and_then(|o| o.get::<_, String>("name").ok()).unwrap_or_default();
                format!("THROWN {name}: {msg}")
            }
            Err(e) => format!("ERR {e}"),
        }
    })
}

#[test]
fn smoke() {
    assert_eq!(eval_str("typeof __pg_modules"), "object");
}
