/** Where the bench keeps its files: one definition for every bench module. */
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const WORK = path.join(ROOT, "bench", ".work");
export const DB_FILE = path.join(WORK, "bench.db");
export const DATASET_REPORT = path.join(WORK, "dataset.json");
export const PUBLIC_DIR = path.join(ROOT, "public");
