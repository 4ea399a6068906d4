# SPDX-License-Identifier: GPL-2.0-only
"""Shared helpers for cpuidcheck's semantic patches (cpuid-*.cocci).

Two kinds of knowledge are needed to judge a CPUID feature use:

* architectural facts the kernel does not encode (AMD's 0x8000_0001.EDX
  alias set, the CR4 table, which CPUID functions are indexed): read at run
  time from the project's one data file, data/cpuid-facts;
* feature numbers, words, reverse_cpuid[] and the scattered-feature
  translation: learned from the kernel tree being checked (cpufeatures.h,
  cpufeature.h, reverse_cpuid.h, kvm_host.h) and from the checked file itself.

The facts file is found through $CPUIDCHECK_FACTS, else ../data/cpuid-facts
relative to this module (the same relative path holds in the source tree,
semantic-patches/ + data/, and in the installed layout,
$PREFIX/share/cpuidcheck/{semantic-patches,data}/).
"""
import os
import re
import sys

# Records only the plugin's checks read (cpuid-runtime, cpuid-x86-64,
# cpuid-synthetic, scattered); the semantic patches have no rule for them yet.
PLUGIN_ONLY = ("runtime", "x86-64-only", "synthetic", "scattered")
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


class Place(object):
    """A CPUID bit (or, with bit None, a register): function.index.reg[bit]."""
    __slots__ = ("fn", "idx", "reg", "bit")

    def __init__(self, fn, idx, reg, bit=None):
        self.fn, self.idx, self.reg, self.bit = fn, idx, reg.upper(), bit

    def key(self):
        return (self.fn, self.idx, self.reg, self.bit)

    def regkey(self):
        return (self.fn, self.idx, self.reg)

    def __eq__(self, other):
        return isinstance(other, Place) and self.key() == other.key()

    def __hash__(self):
        return hash(self.key())

    def reg_place(self):
        return Place(self.fn, self.idx, self.reg)

    def text(self, facts):
        fn = ("0x%x" % self.fn) if self.fn > 9 else ("%d" % self.fn)
        if self.fn in facts.indexed:
            s = "CPUID.(EAX=%s,ECX=%d):%s" % (fn, self.idx, self.reg)
        else:
            s = "CPUID.%s:%s" % (fn, self.reg)
        if self.bit is not None:
            s += "[%d]" % self.bit
        return s


_PLACE_RE = re.compile(r"^(0x[0-9a-fA-F]+|\d+)\.(\d+)\.(E[ABCD]X)\[(\d+)\]$")


def parse_place(s):
    m = _PLACE_RE.match(s)
    if not m:
        raise ValueError("bad CPUID place '%s'" % s)
    return Place(int(m.group(1), 16 if m.group(1).startswith("0x") else 16),
                 int(m.group(2)), m.group(3), int(m.group(4)))


class Facts(object):
    def __init__(self, path=None):
        self.path = path or facts_path()
        self.indexed = set()
        self.aliases = []       # (alias_place, original_place, NAME)
        self.cr4 = []           # (bit, NAME, [(FEATURE, place), ...])
        with open(self.path) as f:
            for lineno, line in enumerate(f, 1):
                line = line.split("#", 1)[0].split()
                if not line:
                    continue
                kind, args = line[0], line[1:]
                if kind == "indexed":
                    self.indexed.update(int(a, 16) for a in args)
                elif kind == "alias":
                    self.aliases.append((parse_place(args[0]),
                                         parse_place(args[1]), args[2]))
                elif kind == "cr4":
                    gates = []
                    if args[2] != "-":
                        for g in args[2].split("|"):
                            name, pl = g.split("@")
                            gates.append((name, parse_place(pl)))
                    self.cr4.append((int(args[0]), args[1], gates))
                elif kind in PLUGIN_ONLY:
                    pass
                else:
                    raise ValueError("%s:%d: unknown record '%s'"
                                     % (self.path, lineno, kind))

    def cr4_by_name(self, name):
        for c in self.cr4:
            if c[1] == name:
                return c
        return None


_facts = None


def facts():
    global _facts
    if _facts is None:
        _facts = Facts()
    return _facts


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


def judge(check, path, records):
    """{(line, column): verdict} for RECORDS (lines) of file PATH: a
    verdict is {"msg": message, "fix": ("move", word) / ("remove",) /
    ("rewrite", text) / None, "record": the finding record's fields}."""
    import ctypes
    lib = library()
    out = lib.cpuidjudge_judge(check.encode(), path.encode(),
                               "\n".join(records).encode())
    if out is None:
        sys.stderr.write("cpuidcheck: %s\n" % lib.cpuidjudge_error().decode())
        sys.exit(2)
    verdicts = {}
    for line in out.decode().splitlines():
        f = line.split("\t")
        if f[0] == "finding":
            key = (int(f[4]), int(f[5]))
            verdicts[key] = {"msg": f[11], "fix": None, "record": f}
        elif f[0] == "action":
            key = (int(f[1]), int(f[2]))
            verdicts[key]["fix"] = (f[3],) if f[3] == "remove" \
                else (f[3], f[4])
    return verdicts


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


# ------------------------------------------------------------ tree learning

_ROOT_FILES = ("arch/x86/include/asm/cpufeatures.h",
               "arch/x86/include/asm/cpufeature.h",
               "arch/x86/include/asm/kvm_host.h",
               "arch/x86/kvm/reverse_cpuid.h")
_DIR_FILES = ("reverse_cpuid.h", "cpufeatures.h", "cpufeature.h",
              "kvm_host.h",
              "include/asm/cpufeatures.h", "include/asm/cpufeature.h",
              "include/asm/kvm_host.h", "include/reverse_cpuid.h",
              "include/kvm/reverse_cpuid.h", "include/x86/reverse_cpuid.h")


def header_files(cfile):
    """The headers that define the features seen by CFILE, plus CFILE."""
    found = []
    tree = os.environ.get("CPUIDCHECK_TREE")
    if tree:
        dirs = [tree]
    else:
        dirs = []
        d = os.path.dirname(os.path.abspath(cfile))
        while True:
            dirs.append(d)
            if os.path.isfile(os.path.join(d, _ROOT_FILES[0])):
                break
            up = os.path.dirname(d)
            if up == d:
                break
            d = up
    # A small tree (unit cases): the headers under a sibling include/
    # directory that the file includes, directly or indirectly.
    for d in dirs:
        inc = os.path.join(d, "include")
        if os.path.isfile(os.path.join(inc, "cpufeatures.h")) and \
                not os.path.isfile(os.path.join(d, _ROOT_FILES[0])):
            todo, seen = [os.path.abspath(cfile)], set()
            while todo:
                f = todo.pop()
                if f in seen:
                    continue
                seen.add(f)
                try:
                    text = open(f, errors="replace").read()
                except OSError:
                    continue
                for m in re.finditer(r'^\s*#\s*include\s*["<]([^">]+)[">]',
                                     text, re.M):
                    for base in (os.path.dirname(f), inc):
                        c = os.path.join(base, m.group(1))
                        if os.path.isfile(c):
                            todo.append(os.path.abspath(c))
                            if os.path.abspath(c) not in found:
                                found.append(os.path.abspath(c))
                            break
            found.append(os.path.abspath(cfile))
            return found
    for d in dirs:
        for rel in _ROOT_FILES + _DIR_FILES:
            p = os.path.join(d, rel)
            if os.path.isfile(p) and p not in found:
                found.append(p)
        if any(os.path.isfile(os.path.join(d, r)) for r in _ROOT_FILES[:1]):
            break
    found.append(os.path.abspath(cfile))
    return found


_COMMENT_RE = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_DEFINE_RE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(\w+)(\([^)]*\))?[ \t]*(.*)$",
                        re.M)


def _strip(text):
    text = _COMMENT_RE.sub(lambda m: " " * 0 if "\n" not in m.group(0)
                           else "\n" * m.group(0).count("\n"), text)
    return text.replace("\\\n", " ")


class Tree(object):
    """Feature words and numbers learned from one kernel tree's sources."""

    def __init__(self, files):
        self.files = files
        self.macros = {}        # name -> (params or None, body)
        self.words = {}         # word name -> number
        self.word_names = {}    # number -> word name
        self.reverse = {}       # word number -> Place (bit None)
        self.translated = set()  # NAME: X86_FEATURE_NAME -> KVM_X86_FEATURE_NAME
        self.kvm_only = set()   # word names of enum kvm_only_cpuid_leafs
        self._num = {}
        texts = []
        for f in files:
            try:
                with open(f, errors="replace") as fh:
                    texts.append(_strip(fh.read()))
            except OSError:
                pass
        for t in texts:
            for m in _DEFINE_RE.finditer(t):
                name, params, body = m.group(1), m.group(2), m.group(3).strip()
                if params is not None:
                    params = [x.strip() for x in params[1:-1].split(",")
                              if x.strip()]
                self.macros.setdefault(name, (params, body))
        for t in texts:
            for enum in ("cpuid_leafs", "kvm_only_cpuid_leafs"):
                m = re.search(r"enum\s+%s\s*\{(.*?)\}" % enum, t, re.S)
                if not m:
                    continue
                val = -1
                for item in m.group(1).split(","):
                    item = item.strip()
                    if not item:
                        continue
                    if "=" in item:
                        n, v = [x.strip() for x in item.split("=", 1)]
                        v = self.eval(v)
                        if v is None:
                            break
                        val = v
                    else:
                        n = item
                        val += 1
                    if not re.match(r"^CPUID_\w+$", n) or n.startswith("NR_"):
                        continue
                    self.words.setdefault(n, val)
                    self.word_names.setdefault(val, n)
                    if enum == "kvm_only_cpuid_leafs":
                        self.kvm_only.add(n)
        for t in texts:
            m = re.search(r"reverse_cpuid\s*\[\s*\][^=;]*=\s*\{(.*?)\};", t, re.S)
            if m:
                for e in re.finditer(r"\[\s*(\w+)\s*\]\s*=\s*\{\s*([^,}]+),"
                                     r"\s*([^,}]+),\s*CPUID_(E[ABCD]X)\s*\}",
                                     m.group(1)):
                    w = self.words.get(e.group(1))
                    fn, idx = self.eval(e.group(2)), self.eval(e.group(3))
                    if w is not None and fn is not None and idx is not None:
                        self.reverse.setdefault(w, Place(fn, idx, e.group(4)))
            # Every definition (#if branches are not evaluated), in any of
            # its shapes: a switch whose cases are written out or made by
            # a helper macro (KVM_X86_TRANSLATE_FEATURE(f) in the kernel,
            # any "case X86_FEATURE_##f: return KVM_X86_FEATURE_##f"
            # macro), or the older if/else-if chain.
            helpers = [n for n, (pa, b) in self.macros.items()
                       if pa and len(pa) == 1 and re.search(
                           r"case\s+X86_FEATURE_\s*##\s*%s\s*:\s*return\s+"
                           r"KVM_X86_FEATURE_\s*##\s*%s\b"
                           % (re.escape(pa[0]), re.escape(pa[0])), b)]
            helpers.append("KVM_X86_TRANSLATE_FEATURE")
            for m in re.finditer(r"__feature_translate\s*\([^)]*\)\s*\{"
                                 r"(.*?)\n\}", t, re.S):
                body = m.group(1)
                for e in re.finditer(r"\b(?:%s)\s*\(\s*(\w+)\s*\)"
                                     % "|".join(map(re.escape, helpers)),
                                     body):
                    self.translated.add(e.group(1))
                for e in re.finditer(r"case\s+X86_FEATURE_(\w+)\s*:\s*return"
                                     r"\s+KVM_X86_FEATURE_(\w+)", body):
                    self.translated.add(e.group(1))
                for e in re.finditer(r"==\s*X86_FEATURE_(\w+)\s*\)\s*return"
                                     r"\s+KVM_X86_FEATURE_(\w+)", body):
                    self.translated.add(e.group(1))
            self.translated.discard("f")

    # A tiny C preprocessor + evaluator for integer constant macros.
    def expand(self, s, depth=0):
        if depth > 20:
            return None
        out = []
        pos = 0
        changed = False
        for m in re.finditer(r"[A-Za-z_]\w*", s):
            name = m.group(0)
            if name in self.words:
                out.append(s[pos:m.start()] + str(self.words[name]))
                pos = m.end()
                changed = True
                continue
            mac = self.macros.get(name)
            if mac is None:
                continue
            params, body = mac
            if params is None:
                out.append(s[pos:m.start()] + "(" + body + ")")
                pos = m.end()
                changed = True
                break
            # function-like: find the argument list
            rest = s[m.end():]
            a = re.match(r"\s*\(", rest)
            if not a:
                continue
            i, level, args, cur = m.end() + a.end(), 1, [], ""
            while i < len(s) and level:
                c = s[i]
                if c == "(":
                    level += 1
                elif c == ")":
                    level -= 1
                    if not level:
                        break
                if c == "," and level == 1:
                    args.append(cur)
                    cur = ""
                else:
                    cur += c
                i += 1
            args.append(cur)
            b = body
            for p, v in zip(params, args):
                b = re.sub(r"\b%s\b" % re.escape(p), v.strip(), b)
            out.append(s[pos:m.start()] + "(" + b + ")")
            pos = i + 1
            changed = True
            break
        out.append(s[pos:])
        s = "".join(out)
        if changed:
            return self.expand(s, depth + 1)
        return s

    def eval(self, s):
        s = s.strip()
        try:
            return int(s, 0)
        except ValueError:
            pass
        e = self.expand(s)
        if e is None:
            return None
        e = re.sub(r"\b(0x[0-9a-fA-F]+|\d+)[uUlL]+\b", r"\1", e)
        e = re.sub(r"\(\s*(unsigned\s+)?(int|long|u32|u64)\s*\)", "", e)
        if not re.match(r"^[\s0-9a-fA-Fx()+\-*/<>|&~]*$", e):
            return None
        try:
            return int(eval(e.replace("/", "//"), {"__builtins__": {}}))
        except Exception:
            return None

    def number(self, name):
        """The value of a feature macro (X86_FEATURE_x, KVM_X86_FEATURE_x)."""
        if name not in self._num:
            self._num[name] = self.eval(name) if name in self.macros else None
        return self._num[name]

    def feature(self, name):
        """Info for NAME (without X86_FEATURE_ prefix, or a full macro name)."""
        full = name if re.match(r"^(KVM_)?X86_FEATURE_", name) \
            else "X86_FEATURE_" + name
        raw = self.number(full)
        if raw is None:
            return None
        short = re.sub(r"^(KVM_)?X86_FEATURE_", "", full)
        num, translated = raw, False
        if full.startswith("X86_FEATURE_") and short in self.translated:
            t = self.number("KVM_X86_FEATURE_" + short)
            if t is not None:
                num, translated = t, True
        word, bit = num // 32, num % 32
        wname = self.word_names.get(word)
        rp = self.reverse.get(word)
        place = Place(rp.fn, rp.idx, rp.reg, bit) if rp else None
        return {"name": full, "short": short, "raw": raw, "num": num,
                "word": word, "wname": wname, "bit": bit, "place": place,
                "translated": translated,
                "raw_wname": self.word_names.get(raw // 32)}

_trees = {}


def tree_for(cfile):
    files = tuple(header_files(cfile))
    t = _trees.get(files)
    if t is None:
        t = _trees[files] = Tree(list(files))
    return t


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
        self.tree = tree_for(path)
        self.lists = {}       # leaf -> list function name
        self.items = {}       # (line, col) -> item dict
        self.locals = {}      # local variable -> (wrapper, name)
        self.done = set()
        self.bad = set()
        self.anchors = set()
        self.raw_origins = {}  # (line, col) -> {(fn, idx)}, None if unknown
        self.raw_guards = {}   # (line, col) -> {"fn": {...}, "idx": {...}}
        self.raw_ranges = []   # (entry, kind, value, start, end) of guarded if bodies
        self.list_lines = {}   # (leaf, list function, line) of each list
        self.leaf_verdicts = None  # {(line, col): verdict} of the lists
        self.alias_verdicts = None


_files = {}


def is_bad(pos):
    """True if emit() recorded a finding at POS (the context rule's test)."""
    return (int(pos.line), int(pos.column)) in state(pos.file).bad


def state(path):
    st = _files.get(path)
    if st is None:

        st = _files[path] = FileState(path)
    return st


def parse_item(st, text):
    """(wrapper, feature macro name, shown text, local or None) for a list
    element."""
    text = " ".join(text.split())
    m = _ITEM_RE.match(text)
    if m:
        w, n = m.group(1), m.group(2)
        if w not in WRAPPERS:
            return None
        if w == "__feature_bit":
            return (w, n, "%s(%s)" % (w, n), None)
        return (w, "X86_FEATURE_" + n, "%s(%s)" % (w, n), None)
    if re.match(r"^\w+$", text) and text in st.locals:
        w, n = st.locals[text]
        return (w, "X86_FEATURE_" + n, "%s (= %s(%s))" % (text, w, n), text)
    return None


def collect_item(fn, leaf, text, pos, lpos):
    st = state(pos.file)
    st.lists.setdefault(leaf, fn)
    st.list_lines.setdefault((leaf, fn, int(lpos.line)), None)
    it = parse_item(st, text)
    if it is None:
        return
    key = (int(pos.line), int(pos.column))
    if key in st.items and st.items[key]["end"] >= int(pos.column_end):
        return
    w, full, shown, local = it
    info = feature_info(pos.file, full)
    st.items[key] = {"fn": fn, "leaf": leaf, "wrapper": w, "full": full,
                     "shown": shown, "text": re.sub(r"\s+", "", text),
                     "info": info, "pos": key, "end": int(pos.column_end),
                     "listline": int(lpos.line), "local": local}


def _declare_records(st):
    """A declare record for every list element of the file."""
    recs = []
    for it in sorted(st.items.values(), key=lambda x: x["pos"]):
        recs.append(record("declare", it["leaf"], it["full"],
                           it["wrapper"], it["fn"], st.path, it["pos"][0],
                           it["pos"][1], it["listline"], it["local"]))
    return recs


def judge_item(pos):
    """Verdict for the list element at POS: None or a dict with 'msg' and
    'fix' (('move', target) / ('rewrite', new text) / ('remove',) / None)."""
    st = state(pos.file)
    key = (int(pos.line), int(pos.column))
    it = st.items.get(key)
    if it is None or it["end"] != int(pos.column_end):
        return None
    if st.leaf_verdicts is None:
        st.leaf_verdicts = judge("cpuid-leaf", st.path, _declare_records(st))
    return st.leaf_verdicts.get(key)


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


def options():
    global _options
    if _options is None:
        _options = Options()
    return _options


_SUBJECT_RE = {"cpuid-cr4": re.compile(r"\b(CR4\.\w+)"),
               None: re.compile(r"\b((?:KVM_)?X86_FEATURE_\w+)")}


def subject(tag, msg):
    """What a suppression names, for a verdict without the judge's record
    (cpuid-cr4): CR4.NAME, or the first X86_FEATURE_NAME of the message."""
    m = _SUBJECT_RE.get(tag, _SUBJECT_RE[None]).search(msg)
    return m.group(1) if m else None


def finish():
    """The one-line count of acknowledged findings, never silently dropped
    (the plugin's note, on stderr)."""
    o = _options
    if o and o.nr_suppressed:
        import sys
        sys.stderr.write("cpuidcheck: note: %d finding%s suppressed by %s\n"
                         % (o.nr_suppressed, "" if o.nr_suppressed == 1
                            else "s", o.suppress_file))


def emit(pos, verdict, tag, mode="report"):
    """Print VERDICT once per position, in coccicheck's report or org form."""
    if verdict is None:
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
    rec = verdict.get("record")
    if o.suppressed(tag, rec[2] if rec and rec[2] != "-" else
                    subject(tag, verdict["msg"])):
        o.nr_suppressed += 1
        return
    if mode in ("context", "patch"):
        # context: the ctx rule marks it; patch: findings are not printed.
        return
    if mode == "org":
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
    v = judge_item(pos)
    if v and v["fix"] and v["fix"][0] in ("move", "remove"):
        it = state(pos.file).items[(int(pos.line), int(pos.column))]
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
    v = judge_item(pos)
    st = state(pos.file)
    if v and v["fix"] and v["fix"][0] == "move" and \
            not _in_own_list(st, st.items[(int(pos.line), int(pos.column))]):
        it = st.items[(int(pos.line), int(pos.column))]
        a = anchor_for(st, v["fix"][1], it["info"]["bit"])
        if a is not None and a[1] == after and \
                (v["fix"][1], a[0]) not in st.anchors:
            st.anchors.add((v["fix"][1], a[0]))
            return (v["fix"][1], a[0], it["text"], it["text"])
    return _placeholder(pos, "add%d" % after, 4)


def patch_rewrite(pos):
    v = judge_item(pos)
    if v and v["fix"] and v["fix"][0] == "rewrite":
        it = state(pos.file).items[(int(pos.line), int(pos.column))]
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


def judge_raw_use(reg, wrapper, name, pos, epos, ent, tag):
    """A raw mask at POS: judged only when its entry has one known origin
    (one lookup reaching it, or one function guard); otherwise silent."""
    st = state(pos.file)
    key = _pkey(epos)
    if ("raw", tag) + _pkey(pos) in st.done:
        return None
    st.done.add(("raw", tag) + _pkey(pos))
    origins = st.raw_origins.get(key, set())
    if origins:
        if len(origins) != 1 or None in origins:
            return None
        fn, idx = next(iter(origins))
    else:
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
        fn = next(iter(fns))
        idx = next(iter(idxs)) if idxs else -1
    return judge_raw(fn, idx, reg, wrapper, name, pos, tag)


def judge_unbacked(pos):
    """An alias advertised in a list without its original."""
    st = state(pos.file)
    key = (int(pos.line), int(pos.column))
    it = st.items.get(key)
    if it is None or it["end"] != int(pos.column_end):
        return None
    if st.alias_verdicts is None:
        st.alias_verdicts = judge("cpuid-alias", st.path,
                                  _declare_records(st))
    return st.alias_verdicts.get(key)

MODE = "report"


# -------------------------------------------------------- cpuid-cr4 judging

def _cr4_allowed(tree):
    """CR4 bit names CR4_RESERVED_BITS lets through, or None.  Macros in
    its body (e.g. a CR4_ALLOWED_x set) are expanded as text."""
    mac = tree.macros.get("CR4_RESERVED_BITS")
    if not mac:
        return None
    body, seen = mac[1], set()
    for _ in range(10):
        names = [n for n in re.findall(r"\b[A-Z_][A-Z0-9_]*\b", body)
                 if n in tree.macros and not n.startswith("X86_CR4_")
                 and n not in seen and tree.macros[n][0] is None]
        if not names:
            break
        for n in names:
            seen.add(n)
            body = re.sub(r"\b%s\b" % n, "(" + tree.macros[n][1] + ")", body)
    return set(re.findall(r"X86_CR4_(\w+)", body))


def judge_fixed1(bitname, reg, wrapper, name, pos):
    """cr4_fixed1_update(X86_CR4_B, reg, feature_bit(F)) vs the CR4 table."""
    st = state(pos.file)
    f = facts()
    b = re.sub(r"^X86_CR4_", "", bitname)
    c = f.cr4_by_name(b)
    if c is None:
        return None
    full = name if wrapper == "__feature_bit" else "X86_FEATURE_" + name
    info = st.tree.feature(full)
    gates = c[2]
    msg = None
    if not gates:
        msg = "CR4.%s is not enumerated by any CPUID feature, but is gated " \
              "on %s" % (b, full)
    elif info and info["place"] is not None:
        ok = [g for g in gates if g[1] == info["place"]]
        if not ok:
            msg = "CR4.%s is enumerated by %s, but is gated on %s (%s)" % (
                b, " or ".join("%s (%s)" % (g[0], g[1].text(f)) for g in gates),
                full, info["place"].text(f))
        elif reg.upper() != info["place"].reg:
            msg = "CR4.%s: %s is %s, but the gate tests %s" % (
                b, full, info["place"].text(f), reg.upper())
    allowed = _cr4_allowed(st.tree)
    if msg is None and allowed is not None and b not in allowed:
        msg = "CR4.%s is gated for nested VMX, but CR4_RESERVED_BITS never " \
              "allows it" % b
    return {"msg": msg, "fix": None} if msg else None


def cr4_gates_in(text, has="__cpu_has", c="__c", var="__reserved_bits"):
    """{CR4 bit name: [(feature names, offset)]} of a reserved-bits macro
    body: 'if (!HAS(C, X86_FEATURE_F) [&& !HAS(...)]) VAR |= B [| B2...]'."""
    res = {}
    pat = (r"if\s*\(((?:\s*&&\s*|\s*!\s*%s\s*\(\s*%s\s*,"
           r"\s*X86_FEATURE_\w+\s*\))+)\s*\)\s*"
           r"%s\s*\|=\s*((?:\s*\|?\s*X86_CR4_\w+)+)"
           % (re.escape(has), re.escape(c), re.escape(var)))
    for m in re.finditer(pat, text):
        feats = re.findall(r"X86_FEATURE_(\w+)", m.group(1))
        for b in re.findall(r"X86_CR4_(\w+)", m.group(2)):
            res.setdefault(b, []).append((feats, m.start()))
    return res


# #define NAME(HAS, C) ({ T VAR = CR4_RESERVED_BITS; if (!HAS(C, X86_FEATURE_
# x)) VAR |= X86_CR4_y; ... }): __cr4_reserved_bits() recognised by shape.
_CR4_DEF_RE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(\w+)\(\s*(\w+)\s*,\s*(\w+)"
                         r"\s*\)(?:\\\n|[^\n])*", re.M)


def _blank_comments(text):
    """Comments replaced by spaces (newlines kept): offsets stay valid."""
    return re.sub(r"/\*.*?\*/|//[^\n]*",
                  lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)


def check_cr4_reserved(path):
    """Findings in a file defining the reserved-bits macro: a list of
    (position, verdict) for emit()."""
    st = state(path)
    if ("cr4-reserved",) in st.done:
        return []
    st.done.add(("cr4-reserved",))
    f = facts()
    try:
        raw = _blank_comments(open(path, errors="replace").read())
    except OSError:
        return []
    allowed = _cr4_allowed(st.tree)
    if allowed is None:
        return []
    out = []
    for m in _CR4_DEF_RE.finditer(raw):
        body = m.group(0)
        v = re.search(r"(\w+)\s*=\s*CR4_RESERVED_BITS\b", body)
        if not v:
            continue
        name, has, c = m.group(1), m.group(2), m.group(3)
        line = raw.count("\n", 0, m.start()) + 1
        gates = cr4_gates_in(body.replace("\\\n", " \n"), has, c, v.group(1))
        for bit, cname, gl in f.cr4:
            if cname not in allowed or not gl:
                continue
            have = gates.get(cname, [])
            want = [g[0] for g in gl]
            if not have:
                out.append((line, "CR4.%s is allowed by CR4_RESERVED_BITS but "
                            "%s() never reserves it when the CPU lacks %s; "
                            "add 'if (!%s(%s, X86_FEATURE_%s)) %s |= "
                            "X86_CR4_%s;'"
                            % (cname, name, " or ".join(
                                "%s (%s)" % (g[0], g[1].text(f)) for g in gl),
                               has, c, want[0], v.group(1), cname)))
                continue
            for feats, off in have:
                bad = [h for h in feats if h not in want]
                if bad:
                    out.append((raw.count("\n", 0, m.start() + off) + 1,
                                "CR4.%s is reserved on X86_FEATURE_%s, but is "
                                "enumerated by %s" % (
                                    cname, bad[0], " or ".join(
                                        "X86_FEATURE_%s" % w for w in want))))
    return [(_Line(path, l), {"msg": msg, "fix": None}) for l, msg in out]


class _Line(object):
    """A position for cf.emit() where Coccinelle has none (a line read
    from a macro body): column 0-1, as coccicheck prints a whole line."""
    __slots__ = ("file", "line", "column", "column_end")

    def __init__(self, path, line):
        self.file, self.line, self.column, self.column_end = path, line, 0, 1
