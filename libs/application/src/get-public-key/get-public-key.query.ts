import { Query } from '@nestjs/cqrs';
import type { PublicKeyDocument } from '../seal/signing-key.service';

export class GetPublicKeyQuery extends Query<PublicKeyDocument> {}
