import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { SEAL_SIGNING_KEY } from '@portfolio/application';
import { publicKeyDocument, type PublicKeyDocument } from '@portfolio/audit';
import type { KeyObject } from 'node:crypto';
import { Roles } from '../auth/roles.decorator';

class PublicKeyDto implements PublicKeyDocument {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'SPKI PEM of the seal signing key' }) publicKeyPem!: string;
  @ApiProperty({ example: 'sha256:3b1f…', description: 'sha256 of the SPKI DER' }) fingerprint!: string;
}

@ApiTags('audit')
@Controller('audit/public-key')
@Roles('auditor', 'admin')
export class GetPublicKeyController {
  private readonly document: PublicKeyDocument;

  constructor(@Inject(SEAL_SIGNING_KEY) key: KeyObject) {
    this.document = publicKeyDocument(key);
  }

  @Get()
  @ApiOkResponse({ type: PublicKeyDto, description: 'the key that verifies every review-cycle seal' })
  publicKey(): PublicKeyDocument {
    return this.document;
  }
}
