import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SigningKeyService, type PublicKeyDocument } from '../seal/signing-key.service';
import { GetPublicKeyQuery } from './get-public-key.query';

@QueryHandler(GetPublicKeyQuery)
export class GetPublicKeyHandler implements IQueryHandler<GetPublicKeyQuery> {
  constructor(private readonly signingKey: SigningKeyService) {}

  async execute(): Promise<PublicKeyDocument> {
    return this.signingKey.publicKey();
  }
}
