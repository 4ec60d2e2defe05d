#!/usr/bin/env node
// The `sesame-tenant` command: a committed entry point, so installing the workspace
// links it before the first build; the CLI itself is compiled to dist/.
import '../dist/cli.js';
