import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSubjects, type Principal } from '@portfolio/application';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { Problems } from '../http/problems';
import { DataSubjectParams, DataSubjectReportDto, EraseDataSubjectDto, ErasureOutcomeDto } from './data-subject.dto';

@ApiTags('admin')
@Controller('admin/data-subjects')
@Roles('admin')
export class DataSubjectsController {
  constructor(private readonly subjects: DataSubjects) {}

  @Get(':subjectId')
  @Problems(400, [404, 'no event, key or erasure names this subject'])
  @ApiOperation({ operationId: 'getDataSubject', summary: 'What the service holds about a data subject' })
  @ApiOkResponse({ type: DataSubjectReportDto, description: 'for an access request (GDPR art. 15)' })
  report(@Param() params: DataSubjectParams) {
    return this.subjects.report(params.subjectId);
  }

  @Post(':subjectId/erasure')
  @HttpCode(200)
  @Problems(400, [404, 'no event, key or erasure names this subject'], 413, [415, 'not application/json'])
  @ApiOperation({
    operationId: 'eraseDataSubject',
    summary: "Erase a data subject's personal data (crypto-shredding)",
  })
  @ApiOkResponse({
    type: ErasureOutcomeDto,
    description:
      "a PersonalDataErased event recorded in the log, then the subject's keys deleted: every read then shows " +
      '« donnée effacée » where their name, organisation and free texts were, and every proof still verifies. ' +
      'Asked again, it completes an erasure whose keys were left, answers the earlier erasure (alreadyErased) ' +
      'and records nothing',
  })
  erase(
    @Param() params: DataSubjectParams,
    @Body() body: EraseDataSubjectDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const { id, name, role } = principal;
    return this.subjects.erase(params.subjectId, body.reason, { id, name, role });
  }
}
