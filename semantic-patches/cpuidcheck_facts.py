# SPDX-License-Identifier: GPL-2.0-only
"""Shared helpers for cpuidcheck's semantic patches (cpuid-*.cocci).

SmPL matches; this module collects what the rules matched, hands it to the
judge as raw-use records and prints what the judge answers.  The judge
(judge/, libcpuidjudge.so, the decisions and wording the GCC plugin uses
too) learns the CPUID model from the checked tree's headers and reads the
architectural facts from the project's one data file, data/cpuid-facts.

The facts file is found through $CPUIDCHECK_FACTS, else ../data/cpuid-facts
relative to this module (the same relative path holds in the source tree,
semantic-patches/ + data/, and in the installed layout,
$PREFIX/share/cpuidcheck/{semantic-patches,data}/).
"""
import os
import re
import sys

WRAPPERS = ("F", "SF", "SCATTERED_F", "X86_64_F", "EMULATED_F",
            "SYNTHESIZED_F", "PASSTHROUGH_F", "VENDOR_F", "RUNTIME_F",
            "ALIASED_1_EDX_F", "AF", "feature_bit", "__feature_bit")


# ---------------------------------------------------------------- facts file

def facts_path():
    env = os.environ.get("CPUIDCHECK_FACTS")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "data", "cpuid-facts"))


# --------------------------------------------------------------- the judge
#
# Every decision and every word of a finding come from the judge the GCC
# plugin links too (judge/, libcpuidjudge.so through ctypes): both engines
# word a finding alike.  The library is found through $CPUIDCHECK_JUDGE,
# else beside this module's directory: ../build/ in the source tree,
# ../../../lib/cpuidcheck/ installed ($PREFIX/share/cpuidcheck/
# semantic-patches and $PREFIX/lib/cpuidcheck).

_lib = None


def _library_paths():
    env = os.environ.get("CPUIDCHECK_JUDGE")
    if env:
        return [env]
    here = os.path.dirname(os.path.abspath(__file__))
    return [os.path.normpath(os.path.join(here, *rel)) for rel in (
        ("..", "build", "libcpuidjudge.so"),
        ("..", "..", "..", "lib", "cpuidcheck", "libcpuidjudge.so"))]


def library():
    """The judge, loaded once; a missing library stops the run."""
    global _lib
    if _lib is not None:
        return _lib
    import ctypes
    paths = _library_paths()
    path = next((p for p in paths if os.path.isfile(p)), None)
    if path is None:
        sys.stderr.write("cpuidcheck: no judge library (%s); run make\n"
                         % " or ".join(paths))
        sys.exit(2)
    lib = ctypes.CDLL(path)
    for name in ("cpuidjudge_judge", "cpuidjudge_feature",
                 "cpuidjudge_error"):
        getattr(lib, name).restype = ctypes.c_char_p
    if lib.cpuidjudge_facts(facts_path().encode()) != 0:
        sys.stderr.write("cpuidcheck: %s\n" % lib.cpuidjudge_error().decode())
        sys.exit(2)
    _lib = lib
    return lib


# Loaded on import: a run without the judge stops at once, never passes.
library()


def _field(s):
    return "-" if s is None or s == "" else \
        str(s).replace("\t", " ").replace("\n", " ")


def record(*fields):
    """One raw-use record line (judge/cpuidjudge.h)."""
    return "\t".join(_field(f) for f in fields)


def judge_all(check, path, records):
    """{(line, column): [verdict, ...]} for RECORDS (lines) of file PATH: a
    verdict is {"msg": message, "fix": ("move", word) / ("remove",) /
    ("rewrite", text) / None, "record": the finding record's fields}."""
    lib = library()
    out = lib.cpuidjudge_judge(check.encode(), path.encode(),
                               "\n".join(records).encode())
    if out is None:
        sys.stderr.write("cpuidcheck: %s\n" % lib.cpuidjudge_error().decode())
        sys.exit(2)
    verdicts, last = {}, None
    for line in out.decode().splitlines():
        f = line.split("\t")
        if f[0] == "finding":
            last = {"msg": f[11], "fix": None, "record": f}
            verdicts.setdefault((int(f[4]), int(f[5])), []).append(last)
        elif f[0] == "action":
            last["fix"] = (f[3],) if f[3] == "remove" else (f[3], f[4])
    return verdicts


def judge(check, path, records):
    """{(line, column): verdict}: the first finding at each position (the
    list checks make at most one)."""
    return dict((k, v[0]) for k, v in judge_all(check, path,
                                                  records).items())


def evaluate(path, text):
    """The value of C expression TEXT with PATH's macros, or None."""
    import ctypes
    v = ctypes.c_long()
    if library().cpuidjudge_eval(path.encode(), text.strip().encode(),
                                 ctypes.byref(v)):
        return v.value
    return None


def feature_info(path, name):
    """What the judge's model says of feature macro NAME, or None."""
    out = library().cpuidjudge_feature(path.encode(), name.encode())
    if out is None:
        return None
    num, kvm, word, bit, place = out.decode().split("\t")
    return {"name": name, "raw": int(num), "num": int(kvm),
            "wname": None if word == "-" else word, "bit": int(bit),
            "place_text": None if place == "-" else place}


# ------------------------------------------------------------ report output

def col_range(pos):
    return "%s:%s:%s-%s" % (pos.file, pos.line, pos.column, pos.column_end)


def report(pos, msg, tag):
    """coccicheck's report line: file:line:col-col: message [tag]."""
    print("%s: %s [%s]" % (col_range(pos), msg, tag))


# ------------------------------------------------------- cpuid-leaf judging

_ITEM_RE = re.compile(r"^\s*(\w+)\s*\(\s*(\w+)\s*\)\s*$")


class FileState(object):
    """What the rules learned about one checked file."""

    def __init__(self, path):
        self.path = path
        self.lists = {}       # leaf -> list function name
        self.items = {}       # (line, col) -> list element (item dict)
        self.uses = {}        # ((line, col), end col) of a match -> [item keys]
        self.locals = {}      # local variable -> [(wrapper, name, position)]
        self.done = set()
        self.bad = set()
        self.anchors = set()
        self.raw_origins = {}  # (line, col) -> {(fn, idx)}, None if unknown
        self.raw_guards = {}   # (line, col) -> {"fn": {...}, "idx": {...}}
        self.raw_ranges = []   # (entry, kind, value, start, end) of guarded if bodies
        self.list_lines = {}   # (leaf, list function, line) of each list
        self.list_verdicts = {}  # check -> {(line, col): verdict}


_files = {}


def is_bad(pos):
    """True if emit() recorded a finding at POS (the context rule's test)."""
    return (int(pos.line), int(pos.column)) in state(pos.file).bad


def state(path):
    st = _files.get(path)
    if st is None:

        st = _files[path] = FileState(path)
    return st


def declare_local(var, wrapper, name, pos):
    """Era 1's locals: unsigned int f_lm = F(LM), or one built up in steps,
    f = F(A); f |= F(B);.  Each F(x) the local gets, and where it was
    written: a finding through the local is reported there, as the plugin
    reports it."""
    held = state(pos.file).locals.setdefault(var, [])
    if all((p.line, p.column) != (pos.line, pos.column) for w, n, p in held):
        held.append((wrapper, name, pos))


def parse_item(st, text):
    """[(wrapper, feature macro name, local or None, the position of a
    local's F(x) or None)] for a list element: one, or each F(x) a local
    holds."""
    text = " ".join(text.split())
    m = _ITEM_RE.match(text)
    if m:
        w, n = m.group(1), m.group(2)
        if w not in WRAPPERS:
            return []
        return [(w, n if w == "__feature_bit" else "X86_FEATURE_" + n,
                 None, None)]
    if re.match(r"^\w+$", text):
        return [(w, "X86_FEATURE_" + n, text, at)
                for w, n, at in st.locals.get(text, [])]
    return []


def collect_item(fn, leaf, text, pos, lpos):
    """A list element: keyed by its position, or a local's F(x) by where
    it was written; st.uses maps the element's match to them."""
    st = state(pos.file)
    st.lists.setdefault(leaf, fn)
    st.list_lines.setdefault((leaf, fn, int(lpos.line)), None)
    use = ((int(pos.line), int(pos.column)), int(pos.column_end))
    if use in st.uses:
        return
    keys = st.uses[use] = []
    held = parse_item(st, text)
    for w, full, local, at in held:
        key = use[0] if at is None else (int(at.line), int(at.column))
        if key in st.items:
            continue
        keys.append(key)
        st.items[key] = {"fn": fn, "leaf": leaf, "wrapper": w, "full": full,
                         "text": re.sub(r"\s+", "", text),
                         "info": feature_info(pos.file, full), "pos": key,
                         "listline": int(lpos.line), "local": local,
                         "at": at, "alone": len(held) == 1}


def _declare_records(st):
    """A declare record for every list element of the file."""
    recs = []
    for it in sorted(st.items.values(), key=lambda x: x["pos"]):
        recs.append(record("declare", it["leaf"], it["full"],
                           it["wrapper"], it["fn"], st.path, it["pos"][0],
                           it["pos"][1], it["listline"], it["local"]))
    return recs


def _verdicts(pos, check):
    """[(element, CHECK's verdict or None)] for the list element matched at
    POS: every element of the file is judged at once, the lists being each
    other's context."""
    st = state(pos.file)
    keys = st.uses.get(((int(pos.line), int(pos.column)),
                        int(pos.column_end)), [])
    return [(st.items[k], _file_verdicts(st, check).get(k)) for k in keys]


def _file_verdicts(st, check):
    if check not in st.list_verdicts:
        st.list_verdicts[check] = judge(check, st.path, _declare_records(st))
    return st.list_verdicts[check]


def emit_items(pos, check):
    """Report CHECK's findings for the list element matched at POS, each
    where its F(x) was written."""
    for it, v in _verdicts(pos, check):
        emit(it["at"] or pos, v, check, MODE)


def _element(pos):
    """(element, cpuid-leaf verdict) that patch mode may edit at POS, the
    element itself: a local that holds one F(x) is moved or removed as a
    whole; one built up in steps is fixed where each F(x) was written
    (local_to_remove)."""
    for it, v in _verdicts(pos, "cpuid-leaf"):
        if it["alone"]:
            return it, v
    return None, None


def local_to_remove(pos):
    """True for the F(x) at POS in 'f |= F(x);' when the judge says to
    remove it from a local built up in steps."""
    st = state(pos.file)
    it = st.items.get((int(pos.line), int(pos.column)))
    if it is None or it["alone"]:
        return False
    v = _file_verdicts(st, "cpuid-leaf").get(it["pos"])
    return bool(v and v["fix"] == ("remove",))


def anchor_for(st, target, bit, skip_key=None):
    """(anchor text, after?) in TARGET's list for a feature of bit BIT."""
    cands = [x for x in st.items.values()
             if x["leaf"] == target and x["info"] and
             x["info"]["wname"] == target and x["pos"] != skip_key]
    if not cands:
        return None
    cands.sort(key=lambda x: (x["info"]["bit"], x["pos"]))
    below = [x for x in cands if x["info"]["bit"] < bit]
    if below:
        return (below[-1]["text"], True)
    return (cands[0]["text"], False)


# ------------------------------------------- the plugin's options, as env
#
# -fplugin-arg-cpuidcheck_plugin-disable=CHECK[,CHECK...] is
# CPUIDCHECK_DISABLE, -suppress=FILE is CPUIDCHECK_SUPPRESS (the same file
# format), -facts=FILE is CPUIDCHECK_FACTS (above).  An unknown check or an
# unreadable file is an error, as in the plugin.

def _registry():
    """The check names of data/checks (the one registry)."""
    path = os.path.normpath(os.path.join(os.path.dirname(facts_path()),
                                         "checks"))
    if not os.path.isfile(path):
        path = os.path.normpath(os.path.join(
            os.path.dirname(os.path.abspath(__file__)), "..", "data",
            "checks"))
    with open(path) as f:
        return set(m.group(1) for m in re.finditer(r"^Check:\s*(\S+)",
                                                   f.read(), re.M))


class Options(object):
    def __init__(self):
        self.disabled = set(c for c in os.environ.get(
            "CPUIDCHECK_DISABLE", "").split(",") if c)
        unknown = self.disabled - _registry() if self.disabled else set()
        if unknown:
            raise ValueError("cpuidcheck: CPUIDCHECK_DISABLE names no check "
                             "'%s'" % sorted(unknown)[0])
        self.suppress_file = os.environ.get("CPUIDCHECK_SUPPRESS") or None
        # CPUIDCHECK_OUTPUT=records: report mode prints finding records
        # (judge/finding.h) for the program, not coccicheck's lines.
        self.records = os.environ.get("CPUIDCHECK_OUTPUT") == "records"
        self.suppressions = set()
        self.nr_suppressed = 0
        if self.suppress_file:
            with open(self.suppress_file) as f:
                for lineno, line in enumerate(f, 1):
                    w = line.split("#", 1)[0].split()
                    if len(w) == 1:
                        raise ValueError("cpuidcheck: %s:%d: expected CHECK "
                                         "SUBJECT" % (self.suppress_file,
                                                      lineno))
                    if w:
                        self.suppressions.add((w[0], w[1]))

    def suppressed(self, tag, subject):
        return (tag, "*") in self.suppressions or \
            (subject is not None and (tag, subject) in self.suppressions)


_options = None


def _publish_suppressed(n):
    """Under --jobs (make coccicheck passes it) each worker counts its own
    suppressed findings; spatch hands finalize the workers' values of a
    variable of its coccinelle module (merge.cpuidcheck_suppressed)."""
    m = sys.modules.get("coccinelle")
    if m is not None:
        m.cpuidcheck_suppressed = n


def options():
    global _options
    if _options is None:
        _options = Options()
        _publish_suppressed(0)
    return _options


def finish(counts):
    """The one-line count of acknowledged findings, never silently dropped
    (the plugin's note, on stderr): COUNTS are the workers' counts."""
    n = sum(counts)
    if n:
        sys.stderr.write("cpuidcheck: note: %d finding%s suppressed by %s\n"
                         % (n, "" if n == 1 else "s",
                            options().suppress_file))


def display_column(path, line, column):
    """The 1-based display column (tab stops of 8, as GCC prints it) of
    0-based character COLUMN of LINE of PATH: a record's column unit."""
    import linecache
    return len(linecache.getline(path, int(line))[:int(column)]
               .expandtabs(8)) + 1


def emit(pos, verdict, tag, mode="report"):
    """Print VERDICT (or each of a list) once per position, in coccicheck's
    report or org form, or as its finding record."""
    if verdict is None:
        return
    if isinstance(verdict, list):
        for v in verdict:
            emit(pos, v, tag, mode)
        return
    o = options()
    if tag in o.disabled:
        return
    st = state(pos.file)
    # Context mode: remember the position; the ctx rule marks it with '*'.
    st.bad.add((int(pos.line), int(pos.column)))
    key = (tag, pos.line, pos.column, verdict["msg"])
    if key in st.done:
        return
    st.done.add(key)
    rec = list(verdict["record"])
    suppressed = o.suppressed(tag, None if rec[2] == "-" else rec[2])
    if suppressed:
        o.nr_suppressed += 1
        _publish_suppressed(o.nr_suppressed)
    if mode == "report" and o.records:
        rec[3:7] = [pos.file, pos.line,
                    display_column(pos.file, pos.line, pos.column),
                    "suppressed" if suppressed else "reported"]
        print(record(*rec))
    elif suppressed or mode in ("context", "patch"):
        # context: the ctx rule marks it; patch: findings are not printed.
        return
    elif mode == "org":
        import coccilib.org
        coccilib.org.print_todo(pos, "%s [%s]" % (verdict["msg"], tag))
    else:
        report(pos, verdict["msg"], tag)


# ------------------------------------------------------------ patch helpers
#
# Script rules that inherit the same position must bind it in the same
# environments, or Coccinelle drops the environments (and with them every
# later rule): so each patch-mode script yields a binding for every element,
# a placeholder (NONE matches no code) where there is nothing to fix.

NONE = "__cpuidcheck_none__"


def _placeholder(pos, rule, n):
    return (NONE,) * n


def patch_remove(pos):
    """(list word, element) to delete, for a move or a removal."""
    it, v = _element(pos)
    if v and v["fix"] and v["fix"][0] in ("move", "remove"):
        return (it["leaf"], it["text"])
    return _placeholder(pos, "remove", 2)


def _in_own_list(st, it):
    """True if the element's own word's list already declares its feature:
    then the fix is only to remove it (adding it would duplicate it)."""
    num = it["info"]["num"]
    return any(x["leaf"] == it["info"]["wname"] and x["info"] and
               x["info"]["num"] == num for x in st.items.values())


def patch_add(pos, after):
    """(target word, anchor, element, element) to insert next to anchor."""
    it, v = _element(pos)
    st = state(pos.file)
    if v and v["fix"] and v["fix"][0] == "move" and \
            not _in_own_list(st, it):
        a = anchor_for(st, v["fix"][1], it["info"]["bit"])
        if a is not None and a[1] == after and \
                (v["fix"][1], a[0]) not in st.anchors:
            st.anchors.add((v["fix"][1], a[0]))
            return (v["fix"][1], a[0], it["text"], it["text"])
    return _placeholder(pos, "add%d" % after, 4)


def patch_rewrite(pos):
    it, v = _element(pos)
    if v and v["fix"] and v["fix"][0] == "rewrite":
        return (it["leaf"], it["text"], v["fix"][1])
    return _placeholder(pos, "rewrite", 3)


# ------------------------------------------------------ cpuid-alias judging

def is_identifier(text):
    return re.match(r"^[A-Za-z_]\w*$", text.strip()) is not None


def judge_query(fn, name, pos):
    """Feature NAME passed to function FN (the judge knows which query)."""
    return judge("cpuid-alias", pos.file, [record(
        "query", name, fn, "-", pos.file, pos.line, pos.column)]).get(
            _pkey(pos))


def judge_raw(fn_val, idx_val, reg, wrapper, name, pos, tag):
    """entry->REG & W(NAME) with entry from CPUID function FN_VAL[, IDX]
    (IDX_VAL -1: no sub-leaf given), for check TAG."""
    if fn_val is None:
        # The entry's CPUID function is unknown (a variable, a parameter):
        # silent, as the plugin.
        return None
    full = name if wrapper == "__feature_bit" else "X86_FEATURE_" + name
    return judge(tag, pos.file, [record(
        "rawmask", full, wrapper, fn_val,
        "-" if idx_val is None or idx_val < 0 else idx_val, reg,
        pos.file, pos.line, pos.column)]).get(_pkey(pos))


def _pkey(pos):
    return (int(pos.line), int(pos.column))


def raw_origin(pos, fnv, idx):
    """entry = kvm_find_cpuid_entry[_index](vcpu, FNV[, IDX]) reaches POS
    (IDX "-": no sub-leaf given, -1 below)."""
    st = state(pos.file)
    fn = evaluate(pos.file, fnv)
    ix = -1 if idx == "-" else evaluate(pos.file, idx)
    st.raw_origins.setdefault(_pkey(pos), set()).add(
        (fn, ix) if fn is not None and ix is not None else None)


def raw_guard(pos, ent, guard):
    """A condition GUARD around or beside the mask at POS on entry ENT:
    ENT->function == FN and ENT->index == IDX in it are the entry's origin."""
    st = state(pos.file)
    g = st.raw_guards.setdefault(_pkey(pos), {})
    for kind, field in (("fn", "function"), ("idx", "index")):
        for m in re.finditer(r"\b%s\s*->\s*%s\s*==\s*(\w+)"
                             % (re.escape(ent), field), guard):
            g.setdefault(kind, set()).add(evaluate(pos.file, m.group(1)))


def raw_guard_range(ps, ent, kind, val):
    """if (... ENT->function == VAL ...) S: S (at PS) is guarded."""
    st = state(ps.file)
    st.raw_ranges.append((ent, kind, evaluate(ps.file, val),
                          (int(ps.line), int(ps.column)),
                          (int(ps.line_end), int(ps.column_end))))


def _raw_origin(st, key, ent):
    """(function, index) of the entry a mask at KEY reads, when exactly one
    origin is visible (one lookup reaching it, or one function guard);
    index -1: none given.  None otherwise."""
    origins = st.raw_origins.get(key, set())
    if origins:
        if len(origins) != 1 or None in origins:
            return None
        return next(iter(origins))
    g = dict((k, set(v)) for k, v in st.raw_guards.get(key, {}).items())
    # the innermost enclosing guard of each kind
    for kind in ("fn", "idx"):
        inside = [r for r in st.raw_ranges if r[0] == ent.strip() and
                  r[1] == kind and r[3] <= key <= r[4]]
        if inside and kind not in g:
            g[kind] = {max(inside, key=lambda r: r[3])[2]}
    fns, idxs = g.get("fn", set()), g.get("idx", set())
    if len(fns) != 1 or None in fns or len(idxs) > 1 or None in idxs:
        return None
    return next(iter(fns)), next(iter(idxs)) if idxs else -1


def judge_raw_use(reg, wrapper, name, pos, epos, ent, tag):
    """A raw mask at POS: judged only when its entry has one known origin
    (one lookup reaching it, or one function guard); otherwise silent."""
    st = state(pos.file)
    if ("raw", tag) + _pkey(pos) in st.done:
        return None
    st.done.add(("raw", tag) + _pkey(pos))
    origin = _raw_origin(st, _pkey(epos), ent)
    if origin is None:
        return None
    return judge_raw(origin[0], origin[1], reg, wrapper, name, pos, tag)


_BIT_RE = re.compile(r"\bBIT(_ULL)?\s*\(")


def judge_raw_const(reg, mask, pos, epos, ent):
    """entry->REG & MASK, MASK a constant written with BIT(n): each bit
    that reads an alias (the judge's rawconst record)."""
    if not _BIT_RE.search(mask):
        return None
    st = state(pos.file)
    origin = _raw_origin(st, _pkey(epos), ent)
    if origin is None:
        return None
    fn, idx = origin
    return judge("cpuid-alias", pos.file, [record(
        "rawconst", " ".join(mask.split()), fn, "-" if idx < 0 else idx,
        reg, pos.file, pos.line, pos.column)]).get(_pkey(pos))


# The mode the .cocci sets from its virtual rules (report, org, context,
# patch), read by emit_items().
MODE = "report"


# -------------------------------------------------------- cpuid-cr4 judging

def judge_fixed1(bitname, reg, wrapper, name, pos):
    """cr4_fixed1_update(X86_CR4_B, reg, W(F)): the entry's lookup is not
    visible (the macro reads it); the judge assumes the feature's own CPUID
    function and judges the register, the bit, the feature and
    CR4_RESERVED_BITS."""
    full = name if wrapper == "__feature_bit" else "X86_FEATURE_" + name
    return judge_all("cpuid-cr4", pos.file, [record(
        "fixed1", bitname, full, wrapper, "-", "-", reg, pos.file, pos.line,
        pos.column)]).get(_pkey(pos))


def check_cr4_reserved(path):
    """Findings in a file defining the reserved-bits macro, which
    Coccinelle cannot parse as code (the judge reads its text): a list of
    (position, verdict) for emit().  Judged only where the GCC plugin
    judges it: when a unit expands it with a guest query
    (cr4_guest_expanded())."""
    st = state(path)
    if ("cr4-reserved",) in st.done:
        return []
    st.done.add(("cr4-reserved",))
    if not cr4_guest_expanded(path):
        return []
    found = judge_all("cpuid-cr4", path, [record("reserved-bits", path)])
    return [(_Line(path, line), v)
            for (line, col), vs in sorted(found.items()) for v in vs]


# The plugin judges the reserved-bits macro in a translation unit where a
# guest query (guest_cpuid_has(), guest_cpu_cap_has()) comes from an
# expansion of it: NAME(guest_cpuid_has, vcpu).  Host-capability
# expansions (NAME(__kvm_cpu_cap_has, UNUSED_), NAME(cpu_has, c)) and a
# macro defined but never expanded (vmx.c seeing x86.h) are not judged.
# spatch sees files, not units: these text scans stand in for the
# preprocessor, cached for the run.

_CR4_QUERY = r"\s*\(\s*(?:guest_cpuid_has|guest_cpu_cap_has)\s*,"
_INCLUDE_RE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*"([^"\n]+)"', re.M)
_COMMENT_RE = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_text_cache = {}
_reach_cache = {}
_include_dirs = None


def _text(path, raw=False):
    """PATH's text (RAW) or with its comments blanked, newlines kept;
    "" if unreadable."""
    t = _text_cache.get((path, raw))
    if t is None:
        if raw:
            try:
                with open(path, errors="replace") as f:
                    t = f.read()
            except OSError:
                t = ""
        else:
            t = _COMMENT_RE.sub(lambda m: " " + "\n" * m.group(0).count(
                "\n"), _text(path, True))
        _text_cache[path, raw] = t
    return t


def cr4_macro_name(text):
    """The name of the first reserved-bits macro TEXT defines, by the
    judge's shape (headers_cr4_macro()): NAME(a, b) whose body names
    CR4_RESERVED_BITS and has an if; None if none."""
    for m in re.finditer(r"^[ \t]*#[ \t]*define[ \t]+((?:[^\n]*\\\n)*"
                         r"[^\n]*)", text, re.M):
        d = m.group(1).replace("\\\n", " ")
        h = re.match(r"(\w+)\s*\(\s*\w+\s*,\s*\w+\s*\)(.*)", d, re.S)
        if h and re.search(r"\bCR4_RESERVED_BITS\b", h.group(2)) and \
                re.search(r"\bif\b", h.group(2)):
            return h.group(1)
    return None


def _cmdline_include_dirs():
    """spatch's -I directories (make coccicheck passes the kernel's)."""
    global _include_dirs
    if _include_dirs is None:
        _include_dirs = []
        try:
            with open("/proc/self/cmdline", "rb") as f:
                args = [a.decode(errors="replace")
                        for a in f.read().split(b"\0")]
        except OSError:
            args = []
        for i, a in enumerate(args):
            if a == "-I" and i + 1 < len(args):
                _include_dirs.append(os.path.abspath(args[i + 1]))
            elif a.startswith("-I") and len(a) > 2:
                _include_dirs.append(os.path.abspath(a[2:]))
    return _include_dirs


def _small_include(path):
    """The include/ directory of the small tree PATH is in (the unit
    cases: include/cpufeatures.h beside the file or above it, no
    arch/x86/include/asm/cpufeatures.h), as the judge finds it
    (judge/headers.c); None in a kernel tree."""
    d = os.path.dirname(os.path.realpath(path))
    while True:
        if os.path.isfile(os.path.join(
                d, "arch/x86/include/asm/cpufeatures.h")):
            return None
        if os.path.isfile(os.path.join(d, "include", "cpufeatures.h")):
            return os.path.join(d, "include")
        if d == os.path.dirname(d):
            return None
        d = os.path.dirname(d)


def _reaches(unit):
    """Every file UNIT reaches through quote includes (#include "x"): the
    includer's directory first, then the -I directories (and a small
    tree's include/), as cpp looks."""
    seen = _reach_cache.get(unit)
    if seen is not None:
        return seen
    dirs = _cmdline_include_dirs() + [d for d in [_small_include(unit)] if d]
    seen, todo = set([unit]), [unit]
    while todo:
        f = todo.pop()
        # The raw text: blanking every header's comments costs more than
        # the rare #include alone on a line of a block comment.
        for inc in _INCLUDE_RE.findall(_text(f, True)):
            for d in [os.path.dirname(f)] + dirs:
                p = os.path.realpath(os.path.join(d, inc))
                if os.path.isfile(p):
                    if p not in seen:
                        seen.add(p)
                        todo.append(p)
                    break
    _reach_cache[unit] = seen
    return seen


def cr4_guest_expanded(path):
    """True if a unit expands PATH's reserved-bits macro NAME with a guest
    query, NAME(guest_cpuid_has, ...) or NAME(guest_cpu_cap_has, ...):
    the unit is PATH if it is a .c file, else a .c file under PATH's
    directory (a small tree's root for its include/) that reaches PATH
    through quote includes (cpuid.c -> cpuid.h -> ... -> x86.h); the
    expansion is in a file the unit reaches (itself or a header), and no
    file it reaches but PATH defines NAME."""
    header = os.path.realpath(path)
    name = cr4_macro_name(_text(header))
    if not name:
        return False
    used = re.compile(r"\b" + re.escape(name) + _CR4_QUERY)
    defines = re.compile(r"^[ \t]*#[ \t]*define[ \t]+" + re.escape(name) +
                         r"\b", re.M)
    if header.endswith(".c"):
        units = [header]
    else:
        inc = _small_include(header)
        top = os.path.dirname(inc) if inc and \
            header.startswith(inc + os.sep) else os.path.dirname(header)
        units = sorted(os.path.realpath(os.path.join(d, c))
                       for d, _, files in os.walk(top)
                       for c in files if c.endswith(".c"))
    def expands(f):
        return name in _text(f, True) and used.search(_text(f))

    def redefines(f):
        return f != header and name in _text(f, True) and \
            defines.search(_text(f))

    # The units that name the expansion themselves first (cpuid.c): the
    # answer is usually found without following every unit's includes.
    units.sort(key=lambda u: not expands(u))
    for unit in units:
        r = _reaches(unit)
        if header in r and any(expands(f) for f in r) and \
                not any(redefines(f) for f in r):
            return True
    return False


class _Line(object):
    """A position for cf.emit() where Coccinelle has none (a line read
    from a macro body): column 0-1, as coccicheck prints a whole line."""
    __slots__ = ("file", "line", "column", "column_end")

    def __init__(self, path, line):
        self.file, self.line, self.column, self.column_end = path, line, 0, 1
