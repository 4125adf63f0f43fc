#!/usr/bin/env python3
# Prints the ninja targets the tests of one suite need, so that a build
# made only to run that suite (the sanitizer build of the headless tests)
# compiles no more than it runs.
#
# usage: suite-targets.py BUILDDIR SUITE

import json
import os
import subprocess
import sys

builddir, suite = sys.argv[1], sys.argv[2]


def introspect(what):
    return json.loads(subprocess.check_output(['meson', 'introspect', what, builddir]))


targets = {target['id']: target for target in introspect('--targets')}
needed = set()
for test in introspect('--tests'):
    if not any(s == suite or s.endswith(':' + suite) for s in test['suite']):
        continue
    for target_id in test.get('depends', []):
        for filename in targets.get(target_id, {}).get('filename', []):
            needed.add(os.path.relpath(filename, os.path.abspath(builddir)))

if not needed:
    sys.exit(f'no test of suite {suite} in {builddir}')
print('\n'.join(sorted(needed)))
