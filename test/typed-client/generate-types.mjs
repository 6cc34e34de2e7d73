// Writes the TypeScript types of an OpenAPI document with openapi-typescript's Node API: node generate-types.mjs
// <document.json> <types.ts>. A process of its own: openapi-typescript loads ES modules that Jest's CommonJS cannot.
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const [documentFile, typesFile] = process.argv.slice(2);
const document = JSON.parse(await readFile(documentFile, 'utf8'));
await writeFile(typesFile, astToString(await openapiTS(document)));
