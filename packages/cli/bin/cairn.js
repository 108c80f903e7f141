#!/usr/bin/env node
// The `cairn` command. A committed shim (it exists before the build, so npm links it on a fresh
// clone) that runs the compiled CLI.
await import("../dist/bin.js");
