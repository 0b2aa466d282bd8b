// Verifies a compact JWS against a JWK set with the npm jose library, independently of Yiwang's own code.
// Usage: node verify.mjs <jws-file> <jwks-file>. Prints the payload's jti and exits 0 when the signature holds;
// prints the error and exits 1 otherwise.
import { readFileSync } from 'node:fs';
import { compactVerify, createLocalJWKSet } from 'jose';

const [jwsFile, jwksFile] = process.argv.slice(2);
const jws = readFileSync(jwsFile, 'utf8').trim();
const jwks = createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8')));
try {
  const { payload, protectedHeader } = await compactVerify(jws, jwks, { algorithms: ['EdDSA'] });
  const claims = JSON.parse(new TextDecoder().decode(payload));
  console.log(`${protectedHeader.alg} ${protectedHeader.kid} ${claims.jti}`);
} catch (error) {
  console.log(`refused: ${error.code ?? error.name}`);
  process.exit(1);
}
