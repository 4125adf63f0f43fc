#!/usr/bin/env python3
# lint-flatpak.py
#
# Copyright 2026 The Tributary authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: lint-flatpak.py MANIFEST.json [MANIFEST.json ...]
#
# Checks a Flatpak manifest offline, so a broken or over-privileged
# manifest fails `meson test` instead of the Flatpak CI job (or, worse,
# review on Flathub):
#
#   - the app id matches the file name, the runtime is the GNOME one with a
#     version pinned, and there is a command that the project builds;
#   - finish-args are exactly the sandbox holes we have a reason for
#     (see flatpak/README.md), and none of the ones we never want;
#   - every downloaded source is pinned (sha256 for archives and files,
#     a commit or tag for git), over https;
#   - the libpq module strips what is not needed at run time;
#   - the last module builds this tree with meson, runs its tests and,
#     for a .Devel id, builds the development flavour.
#
# If flatpak-builder is installed, `flatpak-builder --show-manifest` must
# also accept the manifest. Uses only the standard library.

import json
import os
import re
import shutil
import subprocess
import sys

ALLOWED_FINISH_ARGS = {
    "--share=network",
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
    "--talk-name=org.freedesktop.secrets",
}

# Named so the message says why, even though the exact-set check above
# would reject them too.
FORBIDDEN_FINISH_ARGS = {
    "--filesystem=home": "the app reads files through the file chooser portal",
    "--filesystem=host": "the app reads files through the file chooser portal",
    "--filesystem=host-os": "no access to the host system is needed",
    "--filesystem=host-etc": "no access to the host system is needed",
    "--talk-name=org.freedesktop.Flatpak": "it lets the app run anything on the host",
    "--socket=x11": "use --socket=fallback-x11 with --socket=wayland",
    "--socket=session-bus": "talk only to the names needed",
    "--socket=system-bus": "no system services are used",
    "--device=all": "only the GPU (--device=dri) is needed",
}

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")
LIBPQ_CLEANUP = ["/bin", "/include", "/lib/pkgconfig", "*.a"]


class Lint:
    def __init__(self, path):
        self.path = path
        self.errors = []

    def error(self, message):
        self.errors.append(message)

    def load_module_file(self, relpath):
        """A module may be given as the path of a JSON file."""
        module_path = os.path.join(os.path.dirname(self.path), relpath)
        try:
            with open(module_path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError) as e:
            self.error(f"module file {relpath}: {e}")
            return None

    def walk_modules(self, modules, where="modules"):
        """Yields (name, module) for every module, depth first."""
        if not isinstance(modules, list):
            self.error(f"{where} must be a list")
            return
        for i, module in enumerate(modules):
            if isinstance(module, str):
                module = self.load_module_file(module)
                if module is None:
                    continue
            if not isinstance(module, dict):
                self.error(f"{where}[{i}] must be an object or a file name")
                continue
            name = module.get("name") or f"{where}[{i}]"
            yield name, module
            if "modules" in module:
                yield from self.walk_modules(module["modules"], f"module {name}: modules")

    def check_sources(self, name, module):
        sources = module.get("sources", [])
        if not isinstance(sources, list) or not sources:
            self.error(f"module {name}: no sources")
            return
        for source in sources:
            if isinstance(source, str):
                # A JSON file of sources: nothing to pin in the name itself.
                continue
            kind = source.get("type")
            url = source.get("url", "")
            if kind in ("archive", "file") and url:
                sha = source.get("sha256")
                if not isinstance(sha, str) or not SHA256_RE.match(sha):
                    self.error(f"module {name}: {kind} source {url} needs a sha256 of 64 lowercase hex digits")
                if not url.startswith("https://"):
                    self.error(f"module {name}: {url} is not https")
            elif kind == "git":
                commit = source.get("commit", "")
                if not COMMIT_RE.match(commit) and not source.get("tag"):
                    self.error(f"module {name}: git source {url} must be pinned by commit or tag")
                if url and not url.startswith("https://"):
                    self.error(f"module {name}: {url} is not https")

    def check_command_is_built(self, command, app_module):
        """The command must be an executable() of the tree the app module builds."""
        dirs = [s.get("path") for s in app_module.get("sources", [])
                if isinstance(s, dict) and s.get("type") == "dir"]
        if not dirs:
            return
        root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(self.path)), dirs[0]))
        pattern = re.compile(r"executable\(\s*['\"]" + re.escape(command) + r"['\"]")
        for dirpath, dirnames, filenames in os.walk(root):
            # Skip build and VCS directories.
            dirnames[:] = [d for d in dirnames
                           if not d.startswith((".", "_build", "build")) and
                           not os.path.exists(os.path.join(dirpath, d, "meson-private"))]
            if "meson.build" in filenames:
                with open(os.path.join(dirpath, "meson.build"), encoding="utf-8") as f:
                    if pattern.search(f.read()):
                        return
        self.error(f"command {command!r}: no meson.build under {root} builds executable('{command}')")

    def run(self):
        try:
            with open(self.path, encoding="utf-8") as f:
                manifest = json.load(f)
        except (OSError, ValueError) as e:
            self.error(f"cannot read: {e}")
            return

        if not isinstance(manifest, dict):
            self.error("the manifest must be a JSON object")
            return

        # Identity
        app_id = manifest.get("app-id") or manifest.get("id")
        expected_id = os.path.basename(self.path)
        for ext in (".json", ".yaml", ".yml"):
            if expected_id.endswith(ext):
                expected_id = expected_id[: -len(ext)]
        if app_id != expected_id:
            self.error(f"app-id {app_id!r} does not match the file name ({expected_id!r})")

        if manifest.get("runtime") != "org.gnome.Platform":
            self.error(f"runtime must be org.gnome.Platform, not {manifest.get('runtime')!r}")
        if manifest.get("sdk") != "org.gnome.Sdk":
            self.error(f"sdk must be org.gnome.Sdk, not {manifest.get('sdk')!r}")
        version = manifest.get("runtime-version")
        if not isinstance(version, str) or not re.match(r"^[0-9]+(\.[0-9]+)?$", version):
            self.error(f"runtime-version must be pinned to a GNOME release, not {version!r}")

        command = manifest.get("command")
        if not isinstance(command, str) or not command.strip():
            self.error("no command")
            command = None

        # Sandbox holes
        finish_args = manifest.get("finish-args", [])
        if not isinstance(finish_args, list):
            self.error("finish-args must be a list")
            finish_args = []
        for arg in finish_args:
            if arg in FORBIDDEN_FINISH_ARGS:
                self.error(f"finish-args: {arg} is not allowed: {FORBIDDEN_FINISH_ARGS[arg]}")
            elif arg.startswith("--filesystem="):
                self.error(f"finish-args: {arg} is not allowed: use the file chooser portal")
            elif arg not in ALLOWED_FINISH_ARGS:
                self.error(f"finish-args: {arg} is not in the allowed set")
        duplicates = sorted({a for a in finish_args if finish_args.count(a) > 1})
        if duplicates:
            self.error(f"finish-args: listed twice: {', '.join(duplicates)}")
        missing = sorted(ALLOWED_FINISH_ARGS - set(finish_args))
        if missing:
            self.error(f"finish-args: missing {', '.join(missing)}")

        # Modules
        top_modules = manifest.get("modules")
        if not isinstance(top_modules, list) or not top_modules:
            self.error("no modules")
            return
        modules = list(self.walk_modules(top_modules))
        for name, module in modules:
            self.check_sources(name, module)
            if name == "libpq":
                cleanup = module.get("cleanup", [])
                for entry in LIBPQ_CLEANUP:
                    if entry not in cleanup:
                        self.error(f"module libpq: cleanup must include {entry!r} (not needed at run time)")

        last = top_modules[-1]
        if isinstance(last, str):
            last = self.load_module_file(last) or {}
        last_name = last.get("name", "the last module")
        if last.get("buildsystem") != "meson":
            self.error(f"module {last_name}: the app module must come last and use buildsystem meson")
        sources = last.get("sources", [])
        if not (isinstance(sources, list) and len(sources) == 1 and isinstance(sources[0], dict) and
                sources[0].get("type") == "dir" and sources[0].get("path") == ".."):
            self.error(f"module {last_name}: sources must be exactly [{{\"type\": \"dir\", \"path\": \"..\"}}]")
        if last.get("run-tests") is not True:
            self.error(f"module {last_name}: run-tests must be true")
        if isinstance(app_id, str) and app_id.endswith(".Devel"):
            if "-Ddevelopment=true" not in last.get("config-opts", []):
                self.error(f"module {last_name}: a .Devel manifest needs config-opts -Ddevelopment=true")
        if command and last.get("buildsystem") == "meson":
            self.check_command_is_built(command, last)

        # What flatpak-builder itself thinks
        builder = shutil.which("flatpak-builder")
        if builder:
            proc = subprocess.run([builder, "--show-manifest", self.path],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  text=True, check=False)
            # It exits 0 even on unknown keys, source types or ill-typed
            # values and only warns, so a warning counts as a failure.
            warnings = [line.strip() for line in proc.stderr.splitlines()
                        if "WARNING" in line or "CRITICAL" in line or "ERROR" in line]
            if proc.returncode != 0:
                self.error(f"flatpak-builder --show-manifest failed: {proc.stderr.strip()}")
            for warning in warnings:
                self.error(f"flatpak-builder --show-manifest: {warning}")


def main(argv):
    if len(argv) < 2:
        print(f"usage: {os.path.basename(argv[0])} MANIFEST.json [MANIFEST.json ...]", file=sys.stderr)
        return 2
    status = 0
    for path in argv[1:]:
        lint = Lint(path)
        lint.run()
        if lint.errors:
            status = 1
            for message in lint.errors:
                print(f"{path}: {message}")
        else:
            checked = "" if shutil.which("flatpak-builder") else " (flatpak-builder not found: not run)"
            print(f"{path}: OK{checked}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
