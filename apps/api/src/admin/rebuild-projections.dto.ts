import { BooleanField } from '../http/fields';

export class RebuildProjectionsDto {
  @BooleanField({
    optional: true,
    description:
      'switch only if the rebuilt read models equal the live ones (default false): on a difference the rebuild fails ' +
      'naming the first differing document, the live read models keep serving and the rebuilt ones are dropped',
    example: true,
  })
  expectIdentical?: boolean;
}
