// Makes files/measurements/stability.parquet (committed; run once, elsewhere): Debian has no
// pyarrow, and hyparquet only reads. `npm install --no-save hyparquet-writer` in a scratch folder,
// then `node make-parquet.mjs files/measurements/stability.parquet`.
import { parquetWriteBuffer } from "hyparquet-writer";
import fs from "node:fs";
const n = 240;
const variant = [], tm = [], ddg = [], assay = [], ok = [];
const aa = "ACDEFGHIKLMNPQRSTVWY";
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let i = 0; i < n; i++) {
  variant.push(`${aa[Math.floor(rnd() * 20)]}${10 + Math.floor(rnd() * 280)}${aa[Math.floor(rnd() * 20)]}`);
  tm.push(Math.round((52 + rnd() * 20) * 100) / 100);
  ddg.push(Math.round((rnd() * 6 - 3) * 1000) / 1000);
  assay.push(i % 3 === 0 ? "DSF" : i % 3 === 1 ? "CD" : "nanoDSF");
  ok.push(rnd() > 0.1);
}
const buf = parquetWriteBuffer({ columnData: [
  { name: "variant", data: variant, type: "STRING" },
  { name: "tm_celsius", data: tm, type: "DOUBLE" },
  { name: "ddg_kcal_mol", data: ddg, type: "DOUBLE" },
  { name: "assay", data: assay, type: "STRING" },
  { name: "passed_qc", data: ok, type: "BOOLEAN" },
] });
fs.writeFileSync(process.argv[2], Buffer.from(buf));
