#!/usr/bin/python3
"""Check cpuidcheck's --format=b4 output with b4's own code (tests/review/kernel).

b4 (0.16, Debian sid's package, extracted by the test: B4_PYTHONPATH) runs a
`b4.review-perpatch-check-cmd` / `b4.review-series-check-cmd` in
b4/review/checks.py: _run_external_cmd() gives it one message on stdin
(LoreMessage.get_msg_as_bytes(): headers re-wrapped, no mbox "From " line)
in the git top directory, then json.loads() its stdout: a list (or one
object) of {"tool", "status", "summary", "url", "details"}; a status other
than pass|warn|fail becomes "fail", other keys are dropped, and an exit
code matters only when stdout is empty.  details is stored as TEXT and
shown as plain lines, or as a check list if it is itself a JSON list.

  b4check.py fields FILE
      FILE is raw --format=b4 output.  Checks it against those fields
      strictly (b4 would quietly turn mistakes into "fail"), then feeds it
      through b4's _run_external_cmd (as the output of `cat FILE`).
  b4check.py run TOPDIR MAIL...
      With the check commands from git config (GIT_CONFIG_GLOBAL), runs
      b4's load_check_cmds(), run_perpatch_checks() on each patch MAIL and
      run_series_checks() on a cover letter MAIL ([PATCH 0/N]), in TOPDIR.
  b4check.py prep TOPDIR MAIL...
      b4 prep --check's runner: each b4.prep-perpatch-check-cmd from git
      config through LoreMessage.run_local_check() on each MAIL, in TOPDIR
      (line-based: every stdout line a warning, "ERROR:" or stderr a fail,
      silence and exit 0 "passed all checks").  One line a result:
      "mail<TAB>flag<TAB>text".

Each result is printed as one line "label<TAB>tool<TAB>status<TAB>summary";
problems as "ERROR: ...".  Exit 0 unless an ERROR line was printed.
"""
import importlib
import json
import os
import sys
import types

sys.path.insert(0, os.environ['B4_PYTHONPATH'])

# b4 imports these at module level (pygit2: b4.ez, for prep); the check
# runners use none of them.
# Stub the ones this machine lacks (bookworm has no python3-liblore).
stubbed = []
for name in ('dkim', 'liblore', 'liblore.utils', 'patatt', 'requests', 'ezgb',
             'pygit2', 'pygit2.enums'):
    try:
        importlib.import_module(name)
    except ImportError:
        mod = types.ModuleType(name)
        mod.__path__ = []

        class _Any:
            def __init__(self, *a, **k):
                pass

            def __getattr__(self, k):
                return _Any()

            def __call__(self, *a, **k):
                return _Any()
        mod.__getattr__ = lambda k: _Any
        sys.modules[name] = mod
        if '.' in name:
            setattr(sys.modules[name.split('.')[0]], name.split('.')[1], mod)
        stubbed.append(name)

import b4                      # noqa: E402
import b4.review.checks as checks  # noqa: E402

errors = 0


def error(msg):
    global errors
    errors += 1
    print('ERROR: ' + msg)


def show(label, results):
    for r in results:
        print('\t'.join([label, r['tool'], r['status'],
                         r.get('summary', '').replace('\n', ' ')]))
        for line in r.get('details', '').splitlines():
            print('  | ' + line)


def strict_fields(data):
    """What _run_external_cmd reads, without its silent fallbacks."""
    if not isinstance(data, list):
        error('top level is %s, not a JSON array' % type(data).__name__)
        return
    for i, e in enumerate(data):
        if not isinstance(e, dict):
            error('entry %d is not an object (b4 skips it)' % i)
            continue
        if not isinstance(e.get('tool'), str) or not e.get('tool'):
            error('entry %d: no "tool" string' % i)
        if e.get('status') not in ('pass', 'warn', 'fail'):
            error('entry %d: status %r is not pass|warn|fail' % (i, e.get('status')))
        for k in ('summary', 'url', 'details'):
            if k in e and not isinstance(e[k], str):
                error('entry %d: "%s" is %s, not a string (b4 stores TEXT)'
                      % (i, k, type(e[k]).__name__))
        if not e.get('summary'):
            error('entry %d: empty "summary"' % i)
        extra = sorted(set(e) - {'tool', 'status', 'summary', 'url', 'details'})
        if extra:
            print('note: entry %d: keys b4 ignores: %s' % (i, ', '.join(extra)))


def msg_of(path):
    msgs = b4.get_msgs_from_mailbox_or_maildir(path)
    if len(msgs) != 1:
        error('%s: %d messages, want 1' % (path, len(msgs)))
    return msgs[0]


def main(argv):
    if stubbed:
        print('note: stubbed for import only: ' + ', '.join(stubbed))
    if len(argv) == 3 and argv[1] == 'fields':
        with open(argv[2], 'rb') as f:
            raw = f.read()
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as ex:
            error('not JSON: %s' % ex)
            return 1
        strict_fields(data)
        # b4's parser proper (any message will do as stdin for cat)
        msg = b4.email.message.EmailMessage()
        msg['Subject'] = 'x'
        msg.set_content('x\n')
        res = checks._run_external_cmd(['cat', argv[2]], msg, os.getcwd())
        if len(res) != len(data):
            error('b4 kept %d of %d entries' % (len(res), len(data)))
        for r, e in zip(res, data):
            if r['status'] != e.get('status'):
                error('b4 read status %s for %r' % (r['status'], e.get('status')))
        show('output', res)
    elif len(argv) >= 4 and argv[1] == 'run':
        topdir = argv[2]
        b4._setup_main_config(topdir=topdir)    # as b4's command.py does
        perpatch, series = checks.load_check_cmds()
        print('note: perpatch %s; series %s' % (perpatch, series))
        if not perpatch or not series:
            error('b4 found no check commands in git config')
        for path in argv[3:]:
            msg = msg_of(path)
            subj = b4.LoreSubject(msg.get('subject', ''))
            label = '%d/%d' % (subj.counter, subj.expected)
            if subj.counter == 0 and subj.expected > 0:
                res = checks.run_series_checks((path, msg), series, topdir)
            else:
                res = checks.run_perpatch_checks([(path, msg)], perpatch,
                                                 topdir)[path]
            if not res:
                print('\t'.join([label, '-', '-', 'no result']))
            show(label, res)
    elif len(argv) >= 4 and argv[1] == 'prep':
        # b4 prep --check (ez.check()): each prep-perpatch-check-cmd from
        # git config, through LoreMessage.run_local_check() on each patch
        import shlex
        import b4.ez as ez
        topdir = argv[2]
        mails = [os.path.abspath(p) for p in argv[3:]]
        os.chdir(topdir)
        b4._setup_main_config(topdir=topdir)
        ppcmds, _ = ez.get_check_cmds()
        print('note: prep-perpatch-check-cmd %s' % ppcmds)
        if not ppcmds:
            error('b4 found no prep-perpatch-check-cmd in git config')
        for path in mails:
            msg = msg_of(path)
            for cmd in ppcmds:
                sp = shlex.shlex(cmd, posix=True)
                sp.whitespace_split = True
                for flag, text in b4.LoreMessage.run_local_check(
                        list(sp), os.path.basename(path), msg, nocache=True):
                    print('\t'.join([os.path.basename(path), flag, text]))
    else:
        print(__doc__)
        return 2
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
