#!/usr/bin/env node
'use strict';
/**
 * `npm start`: where Excel is installed (Windows, macOS), serve the add-in over https and sideload it
 * into Excel with office-addin-debugging; elsewhere (Linux, CI, a container), serve the browser preview
 * over http and print its URL. `npm start -- --preview` asks for the preview anywhere.
 *
 * office-addin-debugging is fetched by npx when needed rather than installed: it pulls in a native
 * keychain module that does not build where Excel cannot run anyway.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const DEV_SERVER = 'npx webpack serve --mode development';

function excelInstalled() {
  if (process.platform === 'darwin') return existsSync('/Applications/Microsoft Excel.app');
  if (process.platform !== 'win32') return false;
  const registered = spawnSync('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe'], { stdio: 'ignore' });
  if (registered.status === 0) return true;
  const programs = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
  return programs.some((dir) => ['Office16', 'Office15'].some((version) => existsSync(join(dir, 'Microsoft Office', 'root', version, 'EXCEL.EXE'))));
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 1));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const previewAsked = process.argv.includes('--preview');
if (!previewAsked && excelInstalled()) {
  process.stdout.write('Starting the dev server on https://localhost:3000 and sideloading KPI Align into Excel…\n');
  process.stdout.write('Stop with: npx --yes office-addin-debugging stop manifest.xml\n');
  run('npx', ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server', DEV_SERVER, '--dev-server-port', '3000']);
} else {
  const why = previewAsked ? 'The browser preview was asked for' : `Excel is not installed here (${process.platform})`;
  process.stdout.write(`${why}: serving the browser preview instead. The URL follows once the server listens.\n`);
  run(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development', '--env', 'http']);
}
