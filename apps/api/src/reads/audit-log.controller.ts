import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_CONTEXT } from '@portfolio/application';
import { auditLogPage, type Language, type ReadContext } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { NegotiatesLanguage, ResponseLanguage } from '../http/language';
import { ReadQuery } from '../http/query-fields';
import { READER_ROLES, ReadProblems } from '../http/read-queries';
import { AuditLogQueryDto } from './audit-log-query.dto';
import { AuditLogPageDto } from './read-documents.dto';

@ApiTags('audit')
@Controller('events')
@Roles(...READER_ROLES)
export class AuditLogController {
  constructor(@Inject(READ_CONTEXT) private readonly reads: ReadContext) {}

  @Get()
  @ApiOperation({ operationId: 'listEvents', summary: 'A page of the audit log' })
  @ReadProblems({ temporal: false })
  @NegotiatesLanguage()
  @ApiOkResponse({ type: AuditLogPageDto, description: 'a page of the audit log, oldest first, and nextCursor' })
  events(@ReadQuery(AuditLogQueryDto) query: AuditLogQueryDto, @ResponseLanguage() language: Language) {
    return auditLogPage(this.reads, query, language);
  }
}
