#!/usr/bin/python3
"""Drive `cpuidcheck map --format=html` pages in headless Chromium.

    html-cdp.py PAGE SHOTDIR [MIN_ROWS]

Speaks the DevTools protocol over --remote-debugging-pipe (fds 3 and 4,
NUL-separated JSON), so it needs nothing but Chromium and the Python
standard library. Prints PASS/FAIL lines; exit 0 all passed, 1 some failed,
2 (one line on stderr) when Chromium can't be run.
"""
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import zlib

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
W, H = 1600, 1000
npass = nfail = 0


def ok(msg):
    global npass
    print("PASS " + msg)
    npass += 1


def bad(msg, *detail):
    global nfail
    print("FAIL " + msg)
    for d in detail:
        print("      " + str(d)[:2000])
    nfail += 1


def check(cond, msg, *detail):
    (ok if cond else bad)(msg, *([] if cond else detail))
    return cond


def env_error(msg):
    print("html-cdp: " + msg, file=sys.stderr)
    sys.exit(2)


class Browser:
    def __init__(self, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # the child's ends to fds 5..9: not 3 or 4, which the shell's
        # redirections below make, and one digit, all that sh parses
        to_chrome_r, from_chrome_w = [self._move(fd) for fd in
                                      (to_chrome_r, from_chrome_w)]
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-extensions", "--disable-dev-shm-usage",
                 "--hide-scrollbars", "--remote-debugging-pipe",
                 "--window-size=%d,%d" % (W, H),
                 "--user-data-dir=" + profile, "about:blank"]
        # Chromium reads commands on fd 3 and answers on fd 4.
        sh = 'exec "$0" "$@" 3<&%d 4>&%d %d<&- %d>&-' % (
            to_chrome_r, from_chrome_w, to_chrome_r, from_chrome_w)
        self.log = open(os.path.join(profile, "..", "chromium.log"), "wb")
        self.proc = subprocess.Popen(["/bin/sh", "-c", sh, CHROMIUM] + flags,
                                     stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=self.log,
                                     pass_fds=(to_chrome_r, from_chrome_w))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None

    @staticmethod
    def _move(fd):
        new = fcntl.fcntl(fd, fcntl.F_DUPFD, 5)
        os.close(fd)
        if new > 9:
            raise OSError("no free descriptor below 10")
        return new

    def _read_msg(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError
            r, _, _ = select.select([self.from_chrome], [], [], left)
            if r:
                chunk = os.read(self.from_chrome, 1 << 16)
                if not chunk:
                    raise EOFError
                self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        m = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            m["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(m).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            r = self._read_msg(deadline)
            if r.get("id") == self.next_id:
                if "error" in r:
                    raise RuntimeError("%s: %s" % (method, r["error"]))
                return r.get("result", {})
            if "method" in r:
                self.events.append(r)

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while True:
            for i, e in enumerate(self.events):
                if e["method"] == method:
                    return self.events.pop(i)
            self.events.append(self._read_msg(deadline))

    def js(self, expr):
        r = self.send("Runtime.evaluate", {"expression": expr,
                                           "returnByValue": True,
                                           "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError("JS: %s" % r["exceptionDetails"])
        return r["result"].get("value")

    def key(self, k, text=None):
        codes = {"Backspace": 8}
        down = {"type": "keyDown", "key": k}
        if text:
            down["text"] = text
        else:
            down["code"] = k
            down["windowsVirtualKeyCode"] = codes.get(k, 0)
        self.send("Input.dispatchKeyEvent", down)
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": k})

    def type_text(self, s):
        for ch in s:
            self.key(ch, ch)

    def click(self, selector):
        x, y = self.js("(() => { const r = document.querySelector(%s)"
                       ".getBoundingClientRect(); return [r.x + r.width / 2,"
                       " r.y + r.height / 2]; })()" % json.dumps(selector))
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        for t in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": t, "x": x, "y": y,
                                                   "button": "left", "clickCount": 1})

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def embedded_map(html):
    """The page's MAP object, parsed by Python's strict JSON parser."""
    start = html.index("const MAP = ") + len("const MAP = ")
    end = html.index(";\nconst tb = ", start)
    return json.loads(html[start:end])


def short(p):
    return p.replace("arch/x86/kvm/", "", 1)


def cells_of(f):
    """A row's expected cells, as the issue asks for them."""
    def ref(s):
        return "%s:%d" % (short(s["file"]), s["line"])
    sites = " ".join(ref(q) for q in f["queries"])
    decl = "; ".join("%s %s" % (d["api"], ref(d)) for d in f["declared"])
    sets = "; ".join("%s %s" % (d["api"], ref(d)) for d in f["set"])
    finds = "\n".join("[%s] %s" % (x["check"], x["message"])
                      for x in f["findings"])
    return [f["name"], f["word"] or "", f["place"] or "", decl, f["advertised"],
            sets, str(f["query_count"]), sites, f["gating"], finds]


def vendor(path):
    p = short(path)
    if p.startswith("vmx/tdx"):
        return "tdx"
    if p.startswith("svm/sev"):
        return "sev"
    return p.split("/")[0] if p.startswith(("vmx/", "svm/")) else "common"


def qkind(api):
    if api.startswith(("guest_", "kvm_governed_")):
        return "guest"
    return "host" if api.startswith("kvm_cpu_cap_") else "entry"


def facets(f):
    """What each filter of the page matches a row by (its documented meaning)."""
    return {"f-wrapper": [d["api"] for d in f["declared"]] or ["(not declared)"],
            "f-vendor": [vendor(s["file"]) for s in f["declared"] + f["set"] + f["queries"]],
            "f-query": [qkind(q["api"]) for q in f["queries"]] or ["(never)"],
            "f-findings": [x["check"] for x in f["findings"]] or ["(none)"]}


def png_facts(path):
    """(width, height, distinct byte values of the raw image data)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    pos, idat, w, h = 8, b"", 0, 0
    while pos < len(data):
        n = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    return w, h, len(set(zlib.decompress(idat)))


ROWS_JS = """[...document.querySelectorAll('#map tbody tr')].map(tr =>
  [...tr.cells].map(td => td.textContent))"""
NAMES_JS = """[...document.querySelectorAll('#map tbody tr')].map(tr =>
  tr.cells[0].textContent)"""
COUNT_JS = "document.getElementById('count').textContent"


def main():
    if len([a for a in sys.argv[1:] if a != "--no-summary"]) < 2:
        print("usage: html-cdp.py PAGE SHOTDIR [MIN_ROWS] [--no-summary]",
              file=sys.stderr)
        sys.exit(2)
    args = [a for a in sys.argv[1:] if a != "--no-summary"]
    links = None
    for a in list(args):
        if a.startswith("--links="):
            links = a[len("--links="):]
            args.remove(a)
    page, shots = os.path.abspath(args[0]), args[1]
    min_rows = int(args[2]) if len(args) > 2 else 1
    os.makedirs(shots, exist_ok=True)
    if not shutil.which(CHROMIUM):
        env_error("no %s (scripts/deps.sh browser)" % CHROMIUM)
    html = open(page, encoding="utf-8").read()
    try:
        m = embedded_map(html)
    except ValueError as e:
        bad("page embeds the map as strict JSON", e)
        return
    ok("page embeds the map as strict JSON (%d features)" % len(m["features"]))
    url = "file://" + page
    tmp = tempfile.mkdtemp(prefix="cpuidcheck-chromium.")
    profile = os.path.join(tmp, "profile")
    os.mkdir(profile)
    b = Browser(profile)
    try:
        try:
            t = b.send("Target.createTarget", {"url": "about:blank"},
                       session=False)
            b.session = b.send("Target.attachToTarget",
                               {"targetId": t["targetId"], "flatten": True},
                               session=False)["sessionId"]
            for d in ("Page", "Runtime", "Network", "Log"):
                b.send(d + ".enable")
            b.send("Emulation.setDeviceMetricsOverride",
                   {"width": W, "height": H, "deviceScaleFactor": 1,
                    "mobile": False})
        except (EOFError, TimeoutError, RuntimeError, OSError) as e:
            b.close()
            env_error("chromium did not start (%s); see %s/chromium.log"
                      % (e.__class__.__name__, tmp))
        run(b, url, m, min_rows, shots, links)
    except (EOFError, TimeoutError, RuntimeError) as e:
        bad("browser session", repr(e))
    finally:
        b.close()
    shutil.rmtree(tmp, ignore_errors=True)


def load(b, url):
    # by way of about:blank: a new #fragment alone would not reload
    for u in ("about:blank", url):
        b.events = [e for e in b.events if e["method"] != "Page.loadEventFired"]
        b.send("Page.navigate", {"url": u})
        b.wait_event("Page.loadEventFired")


def run(b, url, m, min_rows, shots, links=None):
    if links:
        shots = os.path.join(shots, "links")
        os.makedirs(shots, exist_ok=True)
    feats = m["features"]
    n = len(feats)
    names = [f["name"] for f in feats]
    load(b, url)
    rows = b.js(ROWS_JS)
    check(len(rows) == n and n >= min_rows and
          b.js(COUNT_JS) == "%d of %d features" % (n, n),
          "loaded: %d rows, one per feature, count says so" % n,
          "rows %d, features %d (want >= %d), count %r" %
          (len(rows), n, min_rows, b.js(COUNT_JS)))
    want = [cells_of(f) for f in feats]
    diff = [(i, r, w) for i, (r, w) in enumerate(zip(rows, want)) if r != w]
    check(len(rows) == n and not diff,
          "cells: name, word, CPUID place, declared at, advertised, set "
          "sites, query count, file:line sites, CR4 gating, findings match "
          "the JSON for every row",
          *diff[:3])
    heads = b.js("[...document.querySelectorAll('#map th')].map(t => t.textContent)")
    check(heads == ["feature", "word", "CPUID place", "declared", "advertised",
                    "set sites", "queries", "query sites", "CR4", "findings"],
          "column headers", heads)
    red = b.js("[...document.querySelectorAll('#map td.f')].length")
    with_f = sum(1 for f in feats if f["findings"])
    check(red == with_f, "findings cells highlighted: %d" % with_f, red)
    what = b.js("document.getElementById('what').textContent")
    cap = "%s (%s era), %d findings" % (m["tree"], m["era"], m["findings"])
    check(what == cap, "caption: tree, era, findings", what, cap)

    # Type into the filter (real key events), then clear it.
    b.js("document.getElementById('filter').focus()")

    def filtered(q):
        b.js("document.getElementById('filter').select()")
        b.key("Backspace")
        b.type_text(q)
        return b.js(NAMES_JS)

    aliases = [f["name"] for f in feats
               if any(d["api"] == "ALIASED_1_EDX_F" for d in f["declared"])]
    got = filtered("aliased_1_edx")
    check(got == aliases and b.js(COUNT_JS) == "%d of %d features" % (len(aliases), n),
          "filter 'aliased_1_edx' (typed): exactly the %d ALIASED_1_EDX_F rows"
          % len(aliases), got, aliases)
    alias_set = {"X86_FEATURE_" + x for x in
                 "FPU VME DE PSE TSC MSR PAE MCE CX8 APIC MTRR PGE MCA CMOV PAT "
                 "PSE36 MMX FXSR".split()}
    if m_era(feats):
        check(set(got) == alias_set,
              "... and they are AMD's 18 0x8000_0001.EDX aliases", sorted(got))
    for q in ("CR4.PVI", "svm/nested.c", "x2apic", "no such text"):
        want_names = [f["name"] for f in feats
                      if q.lower() in " ".join(cells_of(f)).lower()]
        got = filtered(q)
        check(got == want_names,
              "filter %r: %d rows, those with it in any column" %
              (q, len(want_names)), got, want_names)
    got = filtered("")
    check(got == names and b.js(COUNT_JS) == "%d of %d features" % (n, n),
          "filter cleared: all %d rows back in order" % n, len(got))

    # The four selects: each value narrows the table to exactly the rows
    # whose data has it; two together are the rows that have both.
    fs = {f["name"]: facets(f) for f in feats}
    for sid in ("f-wrapper", "f-vendor", "f-query", "f-findings"):
        opts = b.js("[...document.getElementById(%r).options].map(o => o.value)" % sid)
        values = sorted({v for f in feats for v in fs[f["name"]][sid]})
        check(opts == ["(any)"] + values, "%s offers (any) and the %d values the data has"
              % (sid, len(values)), opts, values)
        wrong = []
        for v in values:
            got = choose(b, sid, v)
            want_names = [x for x in names if v in fs[x][sid]]
            if got != want_names or not 0 < len(got) < n:
                wrong.append((v, len(got), len(want_names)))
        choose(b, sid, "(any)")
        check(not wrong, "%s: each of its %d values narrows the table to exactly its rows"
              % (sid, len(values)), *wrong[:4])
    if "svm" in {v for x in fs.values() for v in x["f-vendor"]}:
        choose(b, "f-vendor", "svm")
        got = choose(b, "f-query", "guest")
        want_names = [x for x in names if "svm" in fs[x]["f-vendor"] and "guest" in fs[x]["f-query"]]
        check(got == want_names and 0 < len(got),
              "code svm + queried guest: the %d rows with both" % len(want_names), got)
        shot(b, os.path.join(shots, "map-svm-guest.png"), "svm code, guest queries")
        choose(b, "f-vendor", "(any)")
        choose(b, "f-query", "(any)")
    check(b.js(NAMES_JS) == names, "selects back to (any): all rows")
    if links:
        check_links(b, feats, links)

    # Sorting by clicking headers.
    b.click("#map th:nth-child(7)")
    counts = [int(r[6]) for r in b.js(ROWS_JS)]
    check(counts == sorted(counts) and len(counts) == n and
          b.js("document.querySelector('#map th:nth-child(7)')"
               ".getAttribute('aria-sort')") == "ascending",
          "click 'queries': ascending by count, marked ascending", counts[:20])
    b.click("#map th:nth-child(7)")
    counts = [int(r[6]) for r in b.js(ROWS_JS)]
    top = max(f["query_count"] for f in feats)
    check(counts == sorted(counts, reverse=True) and counts[0] == top and
          b.js("document.querySelector('#map th:nth-child(7)')"
               ".getAttribute('aria-sort')") == "descending",
          "click again: descending, most queried (%d sites) first" % top,
          counts[:20])
    got = filtered("cpuid-cr4")
    counts = [int(c) for c in b.js("[...document.querySelectorAll("
                                   "'#map tbody tr')].map(t => t.cells[6].textContent)")]
    check(len(got) > 0 and counts == sorted(counts, reverse=True),
          "filter keeps the sort order", got)
    shot(b, os.path.join(shots, "map-filtered.png"), "filtered and sorted")
    filtered("")
    b.click("#map th:nth-child(1)")
    got = b.js(NAMES_JS)
    # ICU collation: '_' sorts before digits and letters, as ' ' does in ASCII
    check(got == sorted(names, key=lambda s: s.replace("_", " ")) and
          b.js("[...document.querySelectorAll('#map th')].filter(t => "
               "t.hasAttribute('aria-sort')).length") == 1,
          "click 'feature': ascending by name on the first click, one header marked",
          got[:10])
    b.click("#map th:nth-child(1)")
    check(b.js(NAMES_JS) == list(reversed(got)), "click again: descending by name")

    # State in the URL: #filter=...&sort=N
    load(b, url + "#filter=CR4.P&sort=0")
    got = b.js(NAMES_JS)
    want_names = sorted([f["name"] for f in feats
                         if "cr4.p" in " ".join(cells_of(f)).lower()],
                        key=lambda s: s.replace("_", " "))
    check(got == want_names and
          b.js("document.getElementById('filter').value") == "CR4.P",
          "#filter=CR4.P&sort=0 in the URL: filtered and sorted on load", got)
    load(b, url + "#filter=%E0%A4%A&sort=99")
    check(len(b.js(NAMES_JS)) == 0 and b.js(COUNT_JS) == "0 of %d features" % n,
          "bad #filter escape and sort index do not break the page")
    load(b, url)
    shot(b, os.path.join(shots, "map.png"),
         "full table" + (" with links" if links else ""))

    errs = [e for e in b.events if e["method"] == "Runtime.exceptionThrown" or
            (e["method"] == "Log.entryAdded" and
             e["params"]["entry"]["level"] == "error") or
            (e["method"] == "Runtime.consoleAPICalled" and
             e["params"]["type"] == "error")]
    check(not errs, "no JavaScript errors or console errors", *errs[:3])
    reqs = [e["params"]["request"]["url"] for e in b.events
            if e["method"] == "Network.requestWillBeSent"]
    foreign = [u for u in reqs if not u.startswith(url)]
    check(reqs and not foreign,
          "self-contained: the only requests are for the page itself (%d)" % len(reqs),
          foreign)


def choose(b, sid, value):
    """Pick @value in select @sid as a user would; the rows shown."""
    b.js("(() => { const s = document.getElementById(%r); s.value = %s;"
         " s.dispatchEvent(new Event('change')); })()" % (sid, json.dumps(value)))
    return b.js(NAMES_JS)


LINK = "https://git.example/tree/{path}?id={rev}#n{line}"
REV = "v7.2"


def check_links(b, feats, tree):
    """Sites are links, each to LINK with the site's path, line and REV,
    and the tree's line there (or the two below, a macro continued) names
    the feature; checked on a sample of rows: every 8th, and every row
    with a set site."""
    import re
    hrefs = b.js("""Object.fromEntries([...document.querySelectorAll('#map tbody tr')]
      .map(tr => [tr.cells[0].textContent, [3, 5, 7, 9].map(i =>
        [...tr.cells[i].querySelectorAll('a')].map(a => [a.textContent, a.href]))]))""")
    texts = {}

    def line(rel, k):
        if rel not in texts:
            texts[rel] = open(os.path.join(tree, rel), encoding="utf-8",
                              errors="replace").read().split("\n")
        return texts[rel][k - 1] if 0 < k <= len(texts[rel]) else ""
    def url(s):
        return (LINK.replace("{path}", s["file"]).replace("{rev}", REV)
                .replace("{line}", str(s["line"])))
    sample = [f for i, f in enumerate(feats) if i % 8 == 0 or f["set"] or f["findings"]]
    nlinks, nfind, wrong = 0, 0, []
    for f in sample:
        got = hrefs[f["name"]]
        want = [("[%s]" % x["check"], url(x)) for x in f["findings"]]
        nfind += len(want)
        if [tuple(x) for x in got.pop()] != want:
            wrong.append((f["name"], "findings", got, want))
        short_name = f["name"].split("FEATURE_", 1)[1]
        for cell, sites in zip(got, (f["declared"], f["set"], f["queries"])):
            want = [("%s:%d" % (short(s["file"]), s["line"]),
                     LINK.replace("{path}", s["file"]).replace("{rev}", REV)
                     .replace("{line}", str(s["line"]))) for s in sites]
            if [tuple(x) for x in cell] != want:
                wrong.append((f["name"], cell[:2], want[:2]))
                continue
            for s in sites:
                nlinks += 1
                near = [line(s["file"], s["line"] + k) for k in range(3)]
                if not (re.search(r"\b(X86_FEATURE_)?%s\b" % short_name, near[0]) or
                        "__cr4_reserved_bits(" in near[0] or
                        any(re.search(r"\bX86_FEATURE_%s\b" % short_name, l) for l in near)):
                    wrong.append((f["name"], s["file"], s["line"], near[0]))
    check(nlinks > 100 and nfind > 10 and not wrong,
          "links: every declaration, set and query site of %d sampled rows is a link "
          "to %s (%d links), and the tree's line there names the feature; each "
          "finding's [check] links its place (%d)"
          % (len(sample), LINK, nlinks, nfind), *wrong[:5])


def m_era(feats):
    return any(d["api"] == "ALIASED_1_EDX_F" for f in feats for d in f["declared"])


def shot(b, path, what):
    import base64
    data = b.send("Page.captureScreenshot", {"format": "png"})["data"]
    with open(path, "wb") as out:
        out.write(base64.b64decode(data))
    facts = png_facts(path)
    size = os.path.getsize(path)
    check(facts and facts[0] == W and facts[1] == H and size > 20000 and
          facts[2] > 32,
          "screenshot (%s): %s, %dx%d PNG, %d bytes, not blank" %
          (what, path, W, H, size), facts, size)


if __name__ == "__main__":
    main()
    if "--no-summary" not in sys.argv:
        print("%d passed, %d failed" % (npass, nfail))
    sys.exit(1 if nfail else 0)
