import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_CONTEXT } from '@portfolio/application';
import { releaseList, type ReadContext } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { ReadQuery } from '../http/query-fields';
import { READER_ROLES, ReadProblems } from '../http/read-queries';
import { ReleaseListDto } from './read-documents.dto';
import { SeriesParams } from './series-params.dto';
import { TemporalQueryDto } from './temporal-query.dto';

@ApiTags('sources')
@Controller('sources')
@Roles(...READER_ROLES)
export class ReadReleasesController {
  constructor(@Inject(READ_CONTEXT) private readonly reads: ReadContext) {}

  @Get(':series/releases')
  @ApiOperation({ operationId: 'listReleases', summary: 'The releases of a source series values were recorded from' })
  @ReadProblems()
  @ApiOkResponse({
    type: ReleaseListDto,
    description:
      'the releases of the series published by `at` whose values were recorded by `asOf`, in order of publication, ' +
      'each with its publication date, the position of the last value recorded from it (what asOf=series:id reads ' +
      'as) and how many values were recorded from it (a value equal to the one known is not recorded again); empty ' +
      'for a series nothing was recorded from',
  })
  list(@Param() params: SeriesParams, @ReadQuery(TemporalQueryDto) query: TemporalQueryDto) {
    return releaseList(this.reads, params.series, query);
  }
}
