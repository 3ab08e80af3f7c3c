
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'postgate' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'postgate'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'postgate' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a collection (a drop-in for `newman run`)')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Report what postgate cannot run as Newman would (unknown auth, missing modules, newer Postman APIs, scripts that serialise the run)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write every page to a directory')
            break
        }
        'postgate;run' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Environment file (path or URL)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Environment file (path or URL)')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Globals file (path or URL)')
            [CompletionResult]::new('--globals', '--globals', [CompletionResultType]::ParameterName, 'Globals file (path or URL)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Reporters to use, comma separated: cli, json, junit, html, progress, github')
            [CompletionResult]::new('--reporters', '--reporters', [CompletionResultType]::ParameterName, 'Reporters to use, comma separated: cli, json, junit, html, progress, github')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Number of iterations (default: the data file''s rows, else 1)')
            [CompletionResult]::new('--iteration-count', '--iteration-count', [CompletionResultType]::ParameterName, 'Number of iterations (default: the data file''s rows, else 1)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Iteration data file, JSON or CSV')
            [CompletionResult]::new('--iteration-data', '--iteration-data', [CompletionResultType]::ParameterName, 'Iteration data file, JSON or CSV')
            [CompletionResult]::new('--folder', '--folder', [CompletionResultType]::ParameterName, 'Run only this folder or request (repeatable; by name or id)')
            [CompletionResult]::new('--global-var', '--global-var', [CompletionResultType]::ParameterName, 'Set a global variable, key=value (repeatable)')
            [CompletionResult]::new('--env-var', '--env-var', [CompletionResultType]::ParameterName, 'Set an environment variable, key=value (repeatable)')
            [CompletionResult]::new('--export-environment', '--export-environment', [CompletionResultType]::ParameterName, 'Write the final environment to this file or directory')
            [CompletionResult]::new('--export-globals', '--export-globals', [CompletionResultType]::ParameterName, 'Write the final globals to this file or directory')
            [CompletionResult]::new('--export-collection', '--export-collection', [CompletionResultType]::ParameterName, 'Write the collection to this file or directory')
            [CompletionResult]::new('--postman-api-key', '--postman-api-key', [CompletionResultType]::ParameterName, 'Postman API key, for collections given as a Postman UID')
            [CompletionResult]::new('--bail', '--bail', [CompletionResultType]::ParameterName, 'Stop on the first failure; modifiers: folder, failure')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Coloured output: auto, on or off')
            [CompletionResult]::new('--delay-request', '--delay-request', [CompletionResultType]::ParameterName, 'Wait this many milliseconds before every request')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for the whole run, in milliseconds')
            [CompletionResult]::new('--timeout-request', '--timeout-request', [CompletionResultType]::ParameterName, 'Time limit for each request, in milliseconds')
            [CompletionResult]::new('--timeout-script', '--timeout-script', [CompletionResultType]::ParameterName, 'Time limit for each script, in milliseconds')
            [CompletionResult]::new('--working-dir', '--working-dir', [CompletionResultType]::ParameterName, 'Base directory for relative file paths (form-data files, file bodies)')
            [CompletionResult]::new('--ssl-client-cert-list', '--ssl-client-cert-list', [CompletionResultType]::ParameterName, 'JSON list of client certificates chosen by URL')
            [CompletionResult]::new('--ssl-client-cert', '--ssl-client-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM)')
            [CompletionResult]::new('--ssl-client-key', '--ssl-client-key', [CompletionResultType]::ParameterName, 'Client certificate''s private key')
            [CompletionResult]::new('--ssl-client-passphrase', '--ssl-client-passphrase', [CompletionResultType]::ParameterName, 'Client certificate''s passphrase')
            [CompletionResult]::new('--ssl-extra-ca-certs', '--ssl-extra-ca-certs', [CompletionResultType]::ParameterName, 'Extra trusted CA certificates (PEM)')
            [CompletionResult]::new('--cookie-jar', '--cookie-jar', [CompletionResultType]::ParameterName, 'Start from this cookie jar (tough-cookie JSON)')
            [CompletionResult]::new('--export-cookie-jar', '--export-cookie-jar', [CompletionResultType]::ParameterName, 'Write the cookie jar at the end of the run')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Requests in flight at most. Requests that only read (safe methods, scripts that change no variables and no flow) run side by side; anything else waits for what came before. 1 runs one at a time, exactly in Newman''s order')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Requests in flight at most. Requests that only read (safe methods, scripts that change no variables and no flow) run side by side; anything else waits for what came before. 1 runs one at a time, exactly in Newman''s order')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Run shard I of N (for example 2/4): a deterministic part of the collection, split by top-level folder, so a CI matrix can share one suite across machines')
            [CompletionResult]::new('--script-modules', '--script-modules', [CompletionResultType]::ParameterName, 'Folder of npm packages that scripts may require() (default: a node_modules folder beside the collection, if any)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read options from this TOML or JSON file (default: postgate.toml or .postgate.json in the current directory). Every option can also be set with an environment variable POSTGATE_<OPTION>. Precedence: command line > environment > config file > newmanrc > defaults')
            [CompletionResult]::new('--wait-for', '--wait-for', [CompletionResultType]::ParameterName, 'Before the first request, wait until this URL answers 2xx (repeatable; {{variables}} are resolved)')
            [CompletionResult]::new('--wait-for-request', '--wait-for-request', [CompletionResultType]::ParameterName, 'Before the first request, wait until this request of the collection (name or id) passes its own tests; it runs on scratch copies of the variables and cookies (repeatable)')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long: 500ms, 3s, 1m or milliseconds')
            [CompletionResult]::new('--wait-interval', '--wait-interval', [CompletionResultType]::ParameterName, 'First delay between readiness polls, then exponential backoff with jitter (capped at 10s); Retry-After is honoured')
            [CompletionResult]::new('--wait-successes', '--wait-successes', [CompletionResultType]::ParameterName, 'Consecutive successful polls needed before a target counts as ready')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Try a failed request up to N more times (idempotent methods only, failures listed in --retry-on); a request that passes on a retry is reported as flaky')
            [CompletionResult]::new('--retry-delay', '--retry-delay', [CompletionResultType]::ParameterName, 'First delay before a retry, then exponential backoff with jitter (capped at 30s); Retry-After on 429/503 is honoured')
            [CompletionResult]::new('--retry-on', '--retry-on', [CompletionResultType]::ParameterName, 'Failures that may be retried: network, timeout, 5xx, 429, assertion')
            [CompletionResult]::new('--ignore-redirects', '--ignore-redirects', [CompletionResultType]::ParameterName, 'Do not follow redirects')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Always exit 0')
            [CompletionResult]::new('--suppress-exit-code', '--suppress-exit-code', [CompletionResultType]::ParameterName, 'Always exit 0')
            [CompletionResult]::new('--silent', '--silent', [CompletionResultType]::ParameterName, 'Print nothing to the terminal')
            [CompletionResult]::new('--disable-unicode', '--disable-unicode', [CompletionResultType]::ParameterName, 'Plain-text symbols instead of Unicode')
            [CompletionResult]::new('--no-insecure-file-read', '--no-insecure-file-read', [CompletionResultType]::ParameterName, 'Refuse to read files outside the working directory')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show details of every request')
            [CompletionResult]::new('--parallel-iterations', '--parallel-iterations', [CompletionResultType]::ParameterName, 'Run the iterations (-n, -d) side by side, each starting from the variables and cookies the run starts with, instead of from what the previous iteration left (Newman). Requests in flight stay within --jobs; reports list iterations in order')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Do not mask secrets in reports and terminal output (by default the values of `secret` variables and of Authorization, Proxy-Authorization, Cookie and Set-Cookie headers show as ********)')
            [CompletionResult]::new('--print-config', '--print-config', [CompletionResultType]::ParameterName, 'Print the merged options, each with where it came from, and exit')
            [CompletionResult]::new('--retry-non-idempotent', '--retry-non-idempotent', [CompletionResultType]::ParameterName, 'Also retry non-idempotent methods (POST, PATCH, …)')
            [CompletionResult]::new('--fail-on-flaky', '--fail-on-flaky', [CompletionResultType]::ParameterName, 'A request that passed only on a retry fails the run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postgate;lint' {
            [CompletionResult]::new('--script-modules', '--script-modules', [CompletionResultType]::ParameterName, 'Folder of npm packages that scripts may require(), as for `run` (default: a node_modules folder beside the collection, if any)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: text, json, or github (workflow-command annotations)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postgate;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postgate;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write postgate.1 and one page per subcommand (postgate-run.1, …) into this directory instead of printing postgate.1')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
