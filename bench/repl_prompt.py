#!/usr/bin/env python3
"""The REPL's start as a person sees it (issue 9: the first prompt within 0.3 s), at a pseudo-terminal of
100 x 30 named xterm-256color: the time from starting ./gradus to `gradus> ` on the screen, to the answer of
`6 * 7` typed at once, and to the process's end after `:quit`. Median (and min) of N runs, the REPL in its own
process (GRADUS_DAEMON=0) and in the resident daemon (GRADUS_DAEMON=1, a daemon that served a REPL before)
interleaved run by run, beside `python3 -c 'import scipy.optimize'` timed in the same loop.

    python3 bench/repl_prompt.py [N]        (from the project root; default N = 9)

(script(1), which bench/startup.sh uses for its other terminal rows, adds delays of its own when its input is a
file: `script -qec true` takes 2 s; here a pty is driven directly.)
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import termios
import time


def session(env_extra, timeout=60):
    """Times to the prompt, to the answer 42 and to the end of one REPL session, in seconds."""
    env = dict(os.environ, TERM='xterm-256color', **env_extra)
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe('./gradus', ['./gradus'], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))
    screen, steps, marks = b'', [(b'gradus> ', b'6 * 7\r'), (b'42', b':quit\r')], []
    while True:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            screen += data
        if steps and steps[0][0] in screen:
            marks.append(time.monotonic() - start)
            os.write(fd, steps.pop(0)[1])
            screen = b''
        if time.monotonic() - start > timeout:
            raise SystemExit('no prompt within %d s' % timeout)
    os.waitpid(pid, 0)
    return marks + [time.monotonic() - start]


def python_import():
    start = time.monotonic()
    subprocess.run(['/usr/bin/python3', '-c', 'import scipy.optimize'], check=True)
    return time.monotonic() - start


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    session({'GRADUS_DAEMON': '1'})                       # builds if needed, starts the daemon, serves its first REPL
    rows = {'own': [], 'daemon': [], 'python': []}
    for _ in range(n):
        rows['own'].append(session({'GRADUS_DAEMON': '0'}))
        rows['daemon'].append(session({'GRADUS_DAEMON': '1'}))
        rows['python'].append([python_import()])
    ms = lambda v: '%5.0f ms (min %4.0f)' % (statistics.median(v) * 1000, min(v) * 1000)
    print('# load average: %s on %d cores, %s UTC, median of %d' % (
        ' '.join(open('/proc/loadavg').read().split()[:3]), os.cpu_count(), time.strftime('%H:%M:%S', time.gmtime()), n))
    print('%-34s %-22s %-22s %s' % ('', 'prompt', 'answer to 6 * 7', 'end after :quit'))
    for name, label in (('own', 'REPL in its own process:'), ('daemon', 'REPL in the daemon (target 300):')):
        cols = list(zip(*rows[name]))
        print('%-34s %-22s %-22s %s' % (label, ms(cols[0]), ms(cols[1]), ms(cols[2])))
    print('%-34s %s' % ("python3 -c 'import scipy.optimize':", ms([r[0] for r in rows['python']])))


if __name__ == '__main__':
    main()
