#!/usr/bin/python3
"""sarif-check.py FILE.sarif JSON TREE: cpuidcheck's SARIF, checked offline.

1. The OASIS SARIF 2.1.0 schema (sarif-schema-2.1.0.json beside this file,
   Debian's python3-jsonschema).
2. What GitHub's "SARIF support for code scanning" page documents for
   uploads: SARIF version 2.1.0; at most 20 runs a file, 25,000 results and
   25,000 rules a run, 100 tool extensions a run, 1,000 locations and
   10,000 thread flow locations a result, 20 tags a rule; the gzip-compressed
   file at most 10 MB; tool.driver.name; each rule an id with
   shortDescription.text, fullDescription.text and help.text (the page's
   "required"), each result a ruleId, message.text and at least one
   location whose artifactLocation.uri is relative to the repository root
   and whose region has a startLine; partialFingerprints values strings.
3. What cpuidcheck promises beyond both: helpUri and informationUri are
   real (a file: URI names an existing file, helpUri's anchor a heading of
   it), columnKind is given and every startColumn, counted in its unit on
   the tree's own line, is the column the JSON output gives in GCC's unit
   (tabs to 8), fingerprints are unique, every subject of the JSON output
   is one result.
Prints what it checked; exit 1 with the first broken promise.
"""
import gzip
import json
import os
import re
import sys
import urllib.parse

import jsonschema

here = os.path.dirname(os.path.abspath(__file__))


def fail(msg):
    print('sarif-check: ' + msg, file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def display_column(line, cp):
    """GCC's display column of 1-based code point @cp of @line."""
    col = 1
    for ch in line[:cp - 1]:
        col = ((col - 1) // 8 + 1) * 8 + 1 if ch == '\t' else col + 1
    return col


def real_uri(uri, what):
    u = urllib.parse.urlparse(uri)
    check(u.scheme in ('file', 'https', 'http'), '%s %s: not an absolute URI' % (what, uri))
    if u.scheme != 'file':
        return
    path = urllib.parse.unquote(u.path)
    check(os.path.isfile(path), '%s %s: no such file' % (what, uri))
    if u.fragment:
        heads = [re.sub(r'[^a-z0-9 _-]', '', l[2:].strip().lower()).replace(' ', '-')
                 for l in open(path, encoding='utf-8') if re.match(r'#+ ', l)]
        heads = [re.sub(r'^#+ ?', '', h) for h in heads]
        check(u.fragment in heads, '%s %s: no heading #%s in %s' % (what, uri, u.fragment, path))


def main():
    sarif_path, json_path, tree = sys.argv[1:4]
    raw = open(sarif_path, 'rb').read()
    s = json.loads(raw)
    jsonschema.validate(s, json.load(open(os.path.join(here, 'sarif-schema-2.1.0.json'))))
    # GitHub's documented upload constraints
    check(len(gzip.compress(raw)) <= 10 * 1000 * 1000, 'gzip-compressed file over 10 MB')
    check(s.get('version') == '2.1.0', 'version is not 2.1.0')
    check(1 <= len(s['runs']) <= 20, 'runs: %d (GitHub: at most 20)' % len(s['runs']))
    nres = 0
    for run in s['runs']:
        drv = run['tool']['driver']
        check(drv.get('name'), 'tool.driver.name missing')
        check(len(run['tool'].get('extensions', [])) <= 100, 'more than 100 tool extensions')
        rules = drv.get('rules', [])
        check(len(rules) <= 25000, 'more than 25,000 rules')
        ids = [r['id'] for r in rules]
        check(len(set(ids)) == len(ids), 'duplicate rule ids')
        for r in rules:
            for k in ('shortDescription', 'fullDescription', 'help'):
                check(r.get(k, {}).get('text'), 'rule %s: no %s.text' % (r['id'], k))
            check(len(r['shortDescription']['text']) <= 1024 and
                  len(r['fullDescription']['text']) <= 1024,
                  'rule %s: description over 1,024 characters' % r['id'])
            check(r['help'].get('markdown'), 'rule %s: no help.markdown' % r['id'])
            check(len(r.get('properties', {}).get('tags', [])) <= 20, 'rule %s: over 20 tags' % r['id'])
            check('helpUri' in r, 'rule %s: no helpUri' % r['id'])
            real_uri(r['helpUri'], 'rule %s helpUri' % r['id'])
            check(r['helpUri'].endswith('#' + r['id']), 'rule %s: helpUri is not its section' % r['id'])
        if 'informationUri' in drv:
            real_uri(drv['informationUri'], 'informationUri')
            check(drv['informationUri'].endswith('README.md'), 'informationUri is not the README')
        check(run.get('columnKind') in ('unicodeCodePoints', 'utf16CodeUnits'), 'no columnKind')
        results = run.get('results', [])
        check(len(results) <= 25000, 'more than 25,000 results in a run')
        nres += len(results)
        prints = set()
        for res in results:
            check(res.get('ruleId') in ids, 'result with unknown ruleId %s' % res.get('ruleId'))
            if 'ruleIndex' in res:
                check(ids[res['ruleIndex']] == res['ruleId'], 'ruleIndex does not match ruleId')
            check(res.get('message', {}).get('text'), 'result without message.text')
            locs = res.get('locations', [])
            check(1 <= len(locs) <= 1000, 'result with %d locations' % len(locs))
            for tf in res.get('codeFlows', []):
                for t in tf.get('threadFlows', []):
                    check(len(t.get('locations', [])) <= 10000, 'thread flow over 10,000 locations')
            pl = locs[0]['physicalLocation']
            uri = pl['artifactLocation']['uri']
            check(not urllib.parse.urlparse(uri).scheme and not uri.startswith('/'),
                  'result uri %s is not relative to the repository root' % uri)
            check(pl['region']['startLine'] >= 1, 'no startLine')
            fp = res.get('partialFingerprints', {})
            check(fp and all(isinstance(v, str) for v in fp.values()), 'partialFingerprints missing or not strings')
            key = tuple(sorted(fp.items()))
            check(key not in prints, 'two results with one fingerprint: %s' % (key,))
            prints.add(key)
    # cpuidcheck's own: every JSON subject is a result, columns in the unit
    j = json.load(open(json_path))
    subjects = [(g['file'], g['line'], g['column'], x['message'])
                for g in j['findings'] for x in g['subjects']]
    check(len(subjects) == nres, 'JSON has %d subjects, SARIF %d results' % (len(subjects), nres))
    cols = {(f, l, m): c for f, l, c, m in subjects}
    run = s['runs'][0]
    for res in run['results']:
        pl = res['locations'][0]['physicalLocation']
        f = urllib.parse.unquote(pl['artifactLocation']['uri'])
        l = pl['region']['startLine']
        want = cols.get((f, l, res['message']['text']))
        check(want is not None, 'result %s:%d not in the JSON output' % (f, l))
        if 'startColumn' not in pl['region']:
            continue
        text = open(os.path.join(tree, f), encoding='utf-8', errors='replace').read().split('\n')[l - 1]
        cp = pl['region']['startColumn']
        if run['columnKind'] == 'utf16CodeUnits':
            fail('utf16CodeUnits: not what cpuidcheck writes')
        check(cp <= len(text) + 1, '%s:%d: column %d past the line' % (f, l, cp))
        check(display_column(text, cp) == want,
              '%s:%d: SARIF column %d is display column %d, JSON says %d' %
              (f, l, cp, display_column(text, cp), want))
    print('sarif-check: schema and GitHub upload constraints hold; %d rules, %d results, %d bytes gzip-compressed'
          % (len(s['runs'][0]['tool']['driver']['rules']), nres, len(gzip.compress(raw))))


main()
