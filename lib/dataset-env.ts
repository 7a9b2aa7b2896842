// The variable through which a job finds an attached dataset (PRODUCT.md, the contract a job sees):
// the submit form shows it, the queue sets it.

/** BENCHTOP_DATASET_<NAME>: the dataset's name upper-cased, other characters as `_`. */
export function datasetEnvName(name: string): string {
  return `BENCHTOP_DATASET_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}
