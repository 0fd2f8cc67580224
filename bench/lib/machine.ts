/** The machine a run was measured on, written at the head of the report. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { CHROMIUM } from "./browser";

export interface Machine {
  cpus: number;
  model: string;
  memoryGb: number;
  os: string;
  kernel: string;
  node: string;
  chromium: string;
  sqlite3: string;
  date: string;
  loadAverage: string;
  /** Processes serving Pulse in this run (PULSE_WORKERS). */
  servingProcesses: number;
}

function commandOutput(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", timeout: 10_000 }).trim();
  } catch {
    return "not available";
  }
}

export function describeMachine(servingProcesses: number): Machine {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const osRelease = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : "";
  return {
    cpus: Number(commandOutput("nproc", [])) || os.cpus().length,
    model: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? "unknown",
    memoryGb: os.totalmem() / 1024 ** 3,
    os: /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? os.type(),
    kernel: os.release(),
    node: process.version,
    chromium: commandOutput(CHROMIUM, ["--version"]),
    sqlite3: commandOutput("sqlite3", ["--version"]).split(" ").slice(0, 2).join(" "),
    date: new Date().toISOString(),
    loadAverage: os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" "),
    servingProcesses,
  };
}
