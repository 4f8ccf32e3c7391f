#!/usr/bin/env node
'use strict';
const { main } = require('../dist/src/cli/main.js');
const { runProcess } = require('../dist/src/cli/process.js');
const { processTerminal } = require('../dist/src/cli/terminal.js');

const terminal = processTerminal();
runProcess(() => main(process.argv.slice(2), terminal), terminal, Boolean(process.env.KPI_ALIGN_DEBUG)).then((code) => {
  process.exitCode = code;
});
