// Moved to tests/support so that the specs need not import bench/; the bench keeps this path.
export * from "../../tests/support/html-form";
