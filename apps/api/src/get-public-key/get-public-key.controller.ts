import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { GetPublicKeyQuery, type PublicKeyDocument } from '@portfolio/application';
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
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: PublicKeyDto, description: 'the key that verifies every review-cycle seal' })
  publicKey(): Promise<PublicKeyDocument> {
    return this.queries.execute(new GetPublicKeyQuery());
  }
}
