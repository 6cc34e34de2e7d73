import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The product's name and version, as its package.json says: what `portfolio --version` and `GET /` tell. */
export interface Product {
  readonly name: string;
  readonly version: string;
  readonly description: string;
}

/**
 * The package.json of portfolio-ledger, found upwards from this file: it is three folders up in the sources
 * (libs/application/src) and four once built (dist/libs/application/src), in a checkout as in the image.
 */
function readProduct(): Product {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    let text: string;
    try {
      text = readFileSync(join(dir, 'package.json'), 'utf8');
    } catch {
      continue;
    }
    const { name, version, description } = JSON.parse(text) as Product;
    if (name === 'portfolio-ledger') return { name, version, description };
  }
  throw new Error(`the package.json of portfolio-ledger is not in a folder above ${__dirname}`);
}

let product: Product | undefined;

/** Read once, when first asked: importing this library reads no file. */
export function theProduct(): Product {
  product ??= readProduct();
  return product;
}
