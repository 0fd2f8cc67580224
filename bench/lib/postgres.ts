/**
 * PostgreSQL for `--db postgres|both`: a throwaway cluster (scripts/pg-cluster.sh) holding a copy
 * of the generated dataset, made by the app's own `db:copy` (which migrates the empty target,
 * copies every table in one transaction and verifies counts and checksums). The cluster is
 * stopped and its directory deleted at clean-up, whatever happens.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { copyDatabase } from "../../server/copy-database";
import { ROOT } from "./paths";
import { log, onCleanUp } from "./run-support";

const CLUSTER_SCRIPT = path.join(ROOT, "scripts", "pg-cluster.sh");

export interface Cluster {
  url: string;
  version: string;
}

/** Starts a cluster; its stop is registered with the bench's clean-up before this returns. */
export function startCluster(): Cluster {
  const started = spawnSync("bash", [CLUSTER_SCRIPT, "start"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 600_000,
  });
  const output = started.stdout ?? "";
  const exported = (name: string) => new RegExp(`^export ${name}=(.+)$`, "m").exec(output)?.[1];
  const dir = exported("PULSE_PG_DIR");
  const url = exported("PULSE_TEST_PG_URL");
  if (dir) {
    onCleanUp(() => {
      log("stopping the PostgreSQL cluster");
      spawnSync("bash", [CLUSTER_SCRIPT, "stop", dir], { cwd: ROOT, stdio: "inherit" });
    });
  }
  if (started.status !== 0 || !dir || !url) {
    throw new Error(
      `scripts/pg-cluster.sh start failed (exit ${started.status}):\n${started.stderr ?? ""}`,
    );
  }
  // Its last line on stderr: "PostgreSQL 15.x is running on 127.0.0.1:<port> (dir ...)".
  const version = /PostgreSQL (\S+) is running/.exec(started.stderr ?? "")?.[1] ?? "";
  log(`PostgreSQL ${version} cluster on ${url}`);
  return { url, version };
}

/** Copies the SQLite file into the cluster's empty database. */
export async function copyIntoCluster(databaseFile: string, cluster: Cluster): Promise<void> {
  const started = performance.now();
  const tables = await copyDatabase(`file:${databaseFile}`, cluster.url);
  const rows = tables.reduce((sum, table) => sum + table.rows, 0);
  log(
    `copied the dataset into PostgreSQL ${cluster.version} (${rows.toLocaleString("en-US")} rows, ` +
      `${tables.length} tables, verified) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
