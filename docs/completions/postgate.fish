# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_postgate_global_optspecs
    string join \n h/help V/version
end

function __fish_postgate_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_postgate_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_postgate_using_subcommand
    set -l cmd (__fish_postgate_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c postgate -n "__fish_postgate_needs_command" -s h -l help -d 'Print help'
complete -c postgate -n "__fish_postgate_needs_command" -s V -l version -d 'Print version'
complete -c postgate -n "__fish_postgate_needs_command" -f -a "run" -d 'Run a collection (a drop-in for `newman run`)'
complete -c postgate -n "__fish_postgate_needs_command" -f -a "lint" -d 'Report what postgate cannot run as Newman would (unknown auth, missing modules, newer Postman APIs, scripts that serialise the run)'
complete -c postgate -n "__fish_postgate_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell)'
complete -c postgate -n "__fish_postgate_needs_command" -f -a "man" -d 'Print the man page (roff), or write every page to a directory'
complete -c postgate -n "__fish_postgate_using_subcommand run" -s e -l environment -d 'Environment file (path or URL)' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -s g -l globals -d 'Globals file (path or URL)' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -s r -l reporters -d 'Reporters to use, comma separated: cli, json, junit, html, progress, github' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -s n -l iteration-count -d 'Number of iterations (default: the data file\'s rows, else 1)' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -s d -l iteration-data -d 'Iteration data file, JSON or CSV' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l folder -d 'Run only this folder or request (repeatable; by name or id)' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l global-var -d 'Set a global variable, key=value (repeatable)' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l env-var -d 'Set an environment variable, key=value (repeatable)' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l export-environment -d 'Write the final environment to this file or directory' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -l export-globals -d 'Write the final globals to this file or directory' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -l export-collection -d 'Write the collection to this file or directory' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -l postman-api-key -d 'Postman API key, for collections given as a Postman UID' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l bail -d 'Stop on the first failure; modifiers: folder, failure' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l color -d 'Coloured output: auto, on or off' -r -f -a "auto\t''
on\t''
off\t''"
complete -c postgate -n "__fish_postgate_using_subcommand run" -l delay-request -d 'Wait this many milliseconds before every request' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l timeout -d 'Time limit for the whole run, in milliseconds' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l timeout-request -d 'Time limit for each request, in milliseconds' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l timeout-script -d 'Time limit for each script, in milliseconds' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l working-dir -d 'Base directory for relative file paths (form-data files, file bodies)' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -l ssl-client-cert-list -d 'JSON list of client certificates chosen by URL' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -l ssl-client-cert -d 'Client certificate (PEM)' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -l ssl-client-key -d 'Client certificate\'s private key' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -l ssl-client-passphrase -d 'Client certificate\'s passphrase' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l ssl-extra-ca-certs -d 'Extra trusted CA certificates (PEM)' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -l cookie-jar -d 'Start from this cookie jar (tough-cookie JSON)' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -l export-cookie-jar -d 'Write the cookie jar at the end of the run' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -s j -l jobs -d 'Requests in flight at most. Requests that only read (safe methods, scripts that change no variables and no flow) run side by side; anything else waits for what came before. 1 runs one at a time, exactly in Newman\'s order' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l shard -d 'Run shard I of N (for example 2/4): a deterministic part of the collection, split by top-level folder, so a CI matrix can share one suite across machines' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l script-modules -d 'Folder of npm packages that scripts may require() (default: a node_modules folder beside the collection, if any)' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -l config -d 'Read options from this TOML or JSON file (default: postgate.toml or .postgate.json in the current directory). Every option can also be set with an environment variable POSTGATE_<OPTION>. Precedence: command line > environment > config file > newmanrc > defaults' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand run" -l wait-for -d 'Before the first request, wait until this URL answers 2xx (repeatable; {{variables}} are resolved)' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l wait-for-request -d 'Before the first request, wait until this request of the collection (name or id) passes its own tests; it runs on scratch copies of the variables and cookies (repeatable)' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l wait-timeout -d 'Give up waiting after this long: 500ms, 3s, 1m or milliseconds' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l wait-interval -d 'First delay between readiness polls, then exponential backoff with jitter (capped at 10s); Retry-After is honoured' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l wait-successes -d 'Consecutive successful polls needed before a target counts as ready' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l retries -d 'Try a failed request up to N more times (idempotent methods only, failures listed in --retry-on); a request that passes on a retry is reported as flaky' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l retry-delay -d 'First delay before a retry, then exponential backoff with jitter (capped at 30s); Retry-After on 429/503 is honoured' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l retry-on -d 'Failures that may be retried: network, timeout, 5xx, 429, assertion' -r
complete -c postgate -n "__fish_postgate_using_subcommand run" -l ignore-redirects -d 'Do not follow redirects'
complete -c postgate -n "__fish_postgate_using_subcommand run" -s x -l suppress-exit-code -d 'Always exit 0'
complete -c postgate -n "__fish_postgate_using_subcommand run" -l silent -d 'Print nothing to the terminal'
complete -c postgate -n "__fish_postgate_using_subcommand run" -l disable-unicode -d 'Plain-text symbols instead of Unicode'
complete -c postgate -n "__fish_postgate_using_subcommand run" -l no-insecure-file-read -d 'Refuse to read files outside the working directory'
complete -c postgate -n "__fish_postgate_using_subcommand run" -s k -l insecure -d 'Do not verify TLS certificates'
complete -c postgate -n "__fish_postgate_using_subcommand run" -l verbose -d 'Show details of every request'
complete -c postgate -n "__fish_postgate_using_subcommand run" -l parallel-iterations -d 'Run the iterations (-n, -d) side by side, each starting from the variables and cookies the run starts with, instead of from what the previous iteration left (Newman). Requests in flight stay within --jobs; reports list iterations in order'
complete -c postgate -n "__fish_postgate_using_subcommand run" -l no-redact -d 'Do not mask secrets in reports and terminal output (by default the values of `secret` variables and of Authorization, Proxy-Authorization, Cookie and Set-Cookie headers show as ********)'
complete -c postgate -n "__fish_postgate_using_subcommand run" -l print-config -d 'Print the merged options, each with where it came from, and exit'
complete -c postgate -n "__fish_postgate_using_subcommand run" -l retry-non-idempotent -d 'Also retry non-idempotent methods (POST, PATCH, …)'
complete -c postgate -n "__fish_postgate_using_subcommand run" -l fail-on-flaky -d 'A request that passed only on a retry fails the run'
complete -c postgate -n "__fish_postgate_using_subcommand run" -s h -l help -d 'Print help'
complete -c postgate -n "__fish_postgate_using_subcommand run" -s V -l version -d 'Print version'
complete -c postgate -n "__fish_postgate_using_subcommand lint" -l script-modules -d 'Folder of npm packages that scripts may require(), as for `run` (default: a node_modules folder beside the collection, if any)' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand lint" -l format -d 'Output: text, json, or github (workflow-command annotations)' -r -f -a "text\t''
json\t''
github\t''"
complete -c postgate -n "__fish_postgate_using_subcommand lint" -s h -l help -d 'Print help'
complete -c postgate -n "__fish_postgate_using_subcommand lint" -s V -l version -d 'Print version'
complete -c postgate -n "__fish_postgate_using_subcommand completions" -s h -l help -d 'Print help'
complete -c postgate -n "__fish_postgate_using_subcommand completions" -s V -l version -d 'Print version'
complete -c postgate -n "__fish_postgate_using_subcommand man" -l out-dir -d 'Write postgate.1 and one page per subcommand (postgate-run.1, …) into this directory instead of printing postgate.1' -r -F
complete -c postgate -n "__fish_postgate_using_subcommand man" -s h -l help -d 'Print help'
complete -c postgate -n "__fish_postgate_using_subcommand man" -s V -l version -d 'Print version'
