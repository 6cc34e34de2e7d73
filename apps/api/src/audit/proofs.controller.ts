import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Checkpointer, consistencyProofOf, inclusionProofOf, ProofRequestError } from '@portfolio/audit';
import type { ConsistencyProof, InclusionProof } from '@portfolio/audit';
import { InvalidQueryError } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { QueryParameter } from '../http/declared-query';
import { ReadProblems } from '../http/read-queries';
import { naturalParameters, required, WHOLE_NUMBER } from './natural-query';

class InclusionProofDto implements InclusionProof {
  @ApiProperty() leafIndex!: number;
  @ApiProperty() treeSize!: number;
  @ApiProperty({ type: [String], description: 'RFC 9162 audit path, base64 hashes from the leaf up' })
  proof!: string[];
}

class ConsistencyProofDto implements ConsistencyProof {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ type: [String], description: 'RFC 9162 consistency proof, base64 hashes' }) proof!: string[];
}

/** An impossible size or position is the caller's: 400 `invalid_query` naming the parameter. */
function asQueryError<T>(prove: () => T): T {
  try {
    return prove();
  } catch (error) {
    if (error instanceof ProofRequestError) throw new InvalidQueryError(error.parameter, error.message);
    throw error;
  }
}

@ApiTags('audit')
@Controller('audit/proofs')
@Roles('auditor', 'admin')
export class ProofsController {
  constructor(private readonly checkpointer: Checkpointer) {}

  @Get('inclusion')
  @ApiOperation({ operationId: 'proveInclusion', summary: 'Prove that an event is in the log' })
  @QueryParameter({ name: 'position', schema: WHOLE_NUMBER, description: "the event's position in the log" })
  @QueryParameter({
    name: 'treeSize',
    schema: WHOLE_NUMBER,
    description: 'the size of a signed checkpoint (or any tree size up to the log)',
  })
  @ApiOkResponse({ type: InclusionProofDto, description: 'that the event is a leaf of the tree of that size' })
  @ReadProblems({ temporal: false })
  async inclusion(@Query() query: Record<string, unknown>): Promise<InclusionProof> {
    const { position, treeSize } = naturalParameters(query, ['position', 'treeSize']);
    const [at, size] = [required(position, 'position'), required(treeSize, 'treeSize')];
    const tree = await this.checkpointer.currentTree();
    return asQueryError(() => inclusionProofOf(tree, BigInt(at), size));
  }

  @Get('consistency')
  @ApiOperation({ operationId: 'proveConsistency', summary: 'Prove that a smaller log is a prefix of a larger' })
  @QueryParameter({ name: 'from', schema: WHOLE_NUMBER, description: 'the smaller tree size' })
  @QueryParameter({ name: 'to', schema: WHOLE_NUMBER, description: 'the larger tree size' })
  @ApiOkResponse({ type: ConsistencyProofDto, description: 'that the smaller tree is a prefix of the larger' })
  @ReadProblems({ temporal: false })
  async consistency(@Query() query: Record<string, unknown>): Promise<ConsistencyProof> {
    const { from, to } = naturalParameters(query, ['from', 'to']);
    const tree = await this.checkpointer.currentTree();
    return asQueryError(() => consistencyProofOf(tree, required(from, 'from'), required(to, 'to')));
  }
}
