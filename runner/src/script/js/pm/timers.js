// timers.js: setTimeout/setInterval/setImmediate and the per-script task
// queue (pm.sendRequest, cookie jar calls). The Rust side drives the loop:
// after a script's synchronous body it calls `step()` until it returns -1,
// draining promise jobs in between and sleeping when `step()` asks to wait.

let timerSeq = 0;

function addTimer(fn, delay, args, repeat) {
    if (!cur || cur.sealed) { return undefined; }
    if (!isFunction(fn)) {
        throw new TypeError('The "callback" argument must be of type function. Received ' +
            (fn === null ? 'null' : typeof fn));
    }
    delay = Number(delay);
    (!(delay >= 1) || delay > 2147483647) && (delay = 1);
    const id = ++timerSeq;
    cur.timers.set(id, { fn: fn, args: args, delay: delay, repeat: repeat, due: Date.now() + delay });
    return id;
}

function clearTimer(id) {
    cur && id !== undefined && id !== null && cur.timers.delete(typeof id === 'object' ? id.id : id);
}

function defineGlobalFn(name, fn) {
    Object.defineProperty(G, name, { value: fn, writable: true, configurable: true, enumerable: false });
}

defineGlobalFn('setTimeout', function setTimeout(fn, delay) {
    return addTimer(fn, delay, Array.prototype.slice.call(arguments, 2), false);
});
defineGlobalFn('setInterval', function setInterval(fn, delay) {
    return addTimer(fn, delay, Array.prototype.slice.call(arguments, 2), true);
});
defineGlobalFn('setImmediate', function setImmediate(fn) {
    const id = addTimer(fn, 0, Array.prototype.slice.call(arguments, 1), false);
    id !== undefined && (cur.timers.get(id).due = 0);
    return id;
});
defineGlobalFn('clearTimeout', function clearTimeout(id) { clearTimer(id); });
defineGlobalFn('clearInterval', function clearInterval(id) { clearTimer(id); });
defineGlobalFn('clearImmediate', function clearImmediate(id) { clearTimer(id); });

// Queue work that must run after the synchronous body (callbacks of host
// calls), first in, first out.
function enqueue(task) {
    if (!cur || cur.sealed) { return false; }
    cur.queue.push(task);
    return true;
}

// An error thrown by a callback after the synchronous body: Newman reports
// it as an `exception` event, not a script failure.
function asyncError(e) {
    if (e === SKIP_SENTINEL) { markSkip(); return; }
    const rec = errorRecord(e);
    if (rec && job) {
        job.asyncErrors.push({ error: rec, script: cur ? cur.index : 0, after: cur ? cur.assertions.length : 0 });
    }
}

function runCallback(fn, thisArg, args) {
    try { fn.apply(thisArg, args); }
    catch (e) { asyncError(e); }
}

// One step of the event loop: -1 when the script is done, 0 after running
// something, otherwise the milliseconds until the next timer is due.
function step() {
    const c = cur;
    if (!c || c.sealed) { return -1; }
    if (c.queue.length) {
        const task = c.queue.shift();
        try { task(); }
        catch (e) { asyncError(e); }
        return 0;
    }
    if (c._timers !== null && c._timers.size) {
        let nextId, next;
        for (const [id, t] of c.timers) {
            if (next === undefined || t.due < next.due) { nextId = id; next = t; }
        }
        const wait = next.due - Date.now();
        if (wait > 0) { return wait; }
        if (next.repeat) { next.due = Date.now() + next.delay; }
        else { c.timers.delete(nextId); }
        runCallback(next.fn, undefined, next.args);
        return 0;
    }
    c.sealed = true;
    return -1;
}
