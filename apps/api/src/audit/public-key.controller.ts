import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { SEAL_SIGNING_KEY } from '@portfolio/application';
import { Checkpointer, publicKeyDocument, type PublicKeyDocument } from '@portfolio/audit';
import type { KeyObject } from 'node:crypto';
import { Roles } from '../auth/roles.decorator';

class PublicKeyDto implements PublicKeyDocument {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'SPKI PEM of the seal signing key' }) publicKeyPem!: string;
  @ApiProperty({ example: 'sha256:3b1f…', description: 'sha256 of the SPKI DER' }) fingerprint!: string;
  @ApiProperty({
    example: 'portfolio-ledger/3b1f0c2d4e5a6b7c+8a2f4c1e+AXv…',
    description: "C2SP verifier key of the log's signed checkpoints (name = origin)",
  })
  vkey!: string;
}

type PublicKeys = PublicKeyDocument & { readonly vkey: string };

@ApiTags('audit')
@Controller('audit/public-key')
@Roles('auditor', 'admin')
export class GetPublicKeyController {
  private readonly document: PublicKeys;

  constructor(@Inject(SEAL_SIGNING_KEY) key: KeyObject, checkpointer: Checkpointer) {
    this.document = { ...publicKeyDocument(key), vkey: checkpointer.verifierKey };
  }

  @Get()
  @ApiOperation({ operationId: 'getPublicKey', summary: 'The key that verifies seals and checkpoints' })
  @ApiOkResponse({ type: PublicKeyDto, description: 'the key that verifies every review-cycle seal and checkpoint' })
  publicKey(): PublicKeys {
    return this.document;
  }
}
