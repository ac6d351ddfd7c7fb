import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, callflow, PACKAGE_DIR, REPO_ROOT, tempProject } from './test-support/cli.js';

const version = (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string })
  .version;

describe('callflow command line', () => {
  it('prints its version with --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const run = await callflow([flag], REPO_ROOT);
      expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('lists every command with --help', async () => {
    const run = await callflow(['--help'], REPO_ROOT);
    expect(run.code).toBe(0);
    for (const command of ['validate', 'fmt', 'migrate'])
      expect(run.stdout).toContain(`${command} [options]`);
  });

  it('shows the options of one command with `help <command>` and `<command> --help`', async () => {
    for (const args of [
      ['help', 'validate'],
      ['validate', '--help'],
    ]) {
      const run = await callflow(args, REPO_ROOT);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('--strict');
      expect(run.stdout).toContain('--format <format>');
    }
  });

  it('exits 2 with a usage hint on an unknown command', async () => {
    const run = await callflow(['vaildate'], REPO_ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'vaildate'");
    expect(run.stderr).toContain('(Did you mean validate?)');
    expect(run.stderr).toContain('Usage: callflow [options] [command]');
  });

  it('exits 2 on an unknown option, a bad option value or a missing option argument', async () => {
    const dir = tempProject();
    const cases: [string[], string][] = [
      [['validate', '--bogus'], "unknown option '--bogus'"],
      [['validate', '--format', 'xml'], "argument 'xml' is invalid"],
      [['validate', '--resources'], "option '-r, --resources <file>' argument missing"],
      [['fmt', '--strict'], "unknown option '--strict'"],
    ];
    for (const [args, message] of cases) {
      const run = await callflow(args, dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain(`Usage: callflow ${args[0]} [options] [paths...]`);
      expect(run.stdout).toBe('');
    }
  });

  it('exits 2 and prints the usage when no command is given', async () => {
    const run = await callflow([], REPO_ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: callflow');
  });

  it('ships an executable entry point with a node shebang', async () => {
    for (const file of [BIN, join(PACKAGE_DIR, 'bin/callflow.js')]) {
      expect(readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
      accessSync(file, constants.X_OK);
      const run = await callflow(['--version'], REPO_ROOT, file);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });

  it('stops quietly when the reader of its output goes away (`callflow validate | head -1`)', async () => {
    const flows: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) flows[`flows/f${i}.flow.json`] = '[]';
    const dir = tempProject(flows);
    const child = spawn(process.execPath, [BIN, 'validate'], { cwd: dir });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('runs as `npx callflow` from the repository', async () => {
    const run = await callflow(['--no-install', 'callflow', '--version'], REPO_ROOT, 'npx');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});
