// console.js: the `console` scripts see. Each argument is rendered at call
// time (as Newman serialises it when the call happens) and recorded for the
// run's reporters; nothing is written to the process's stdout.

const CONSOLE_LEVELS = ['log', 'warn', 'debug', 'info', 'error', 'clear'];

function recordConsole(level, args) {
    if (!job) { return; }
    const messages = new Array(args.length);
    for (let i = 0; i < args.length; i++) { messages[i] = renderConsoleArg(args[i]); }
    job.console.push({ level: level, messages: messages, script: cur ? cur.index : 0,
        after: cur ? cur.assertions.length : 0 });
}

const SANDBOX_CONSOLE = {};
for (const level of CONSOLE_LEVELS) {
    SANDBOX_CONSOLE[level] = function () { recordConsole(level, arguments); };
}

Object.defineProperty(G, 'console', { value: SANDBOX_CONSOLE, writable: true, configurable: true, enumerable: false });
