import { applyDecorators, Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditExporter, type ExportFormat } from '@portfolio/audit';
import { READ_CONTEXT } from '@portfolio/application';
import {
  AUDIT_LOG_CRITERIA_NAMES,
  awaitMinPosition,
  InvalidQueryError,
  parsePosition,
  type ReadContext,
} from '@portfolio/read-models';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { QueryParameter } from '../http/declared-query';
import { MIN_POSITION_DESCRIPTION } from '../http/query-fields';
import { queryParameters } from '../http/read-queries';

const ATTACHMENT = {
  'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' } },
};

const FORMATS: Readonly<Record<ExportFormat, { contentType: string; extension: string }>> = {
  ndjson: { contentType: 'application/x-ndjson', extension: 'ndjson' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  bundle: { contentType: 'application/zip', extension: 'zip' },
};

@ApiTags('audit')
@Controller('audit/export')
@Roles('auditor', 'admin')
export class ExportAuditTrailController {
  constructor(
    private readonly exporter: AuditExporter,
    @Inject(READ_CONTEXT) private readonly reads: ReadContext,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'exportAuditTrail', summary: 'Export the events, or a bundle to verify offline' })
  @QueryParameter({ name: 'format', required: false, enum: Object.keys(FORMATS), description: 'default ndjson' })
  @applyDecorators(...AUDIT_LOG_CRITERIA_NAMES.map((name) => QueryParameter({ name, required: false })))
  @QueryParameter({ name: 'minPosition', required: false, description: MIN_POSITION_DESCRIPTION })
  @ApiProduces('application/x-ndjson', 'text/csv', 'application/zip')
  @ApiOkResponse({
    content: {
      'application/x-ndjson': { schema: { type: 'string', description: 'one event per line, as JSON' } },
      'text/csv': { schema: { type: 'string' } },
      'application/zip': { schema: { type: 'string', format: 'binary' } },
    },
    headers: ATTACHMENT,
    description: 'the events (streamed), or a bundle with manifest, proofs and README for offline checks',
  })
  async export(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const names = ['format', 'minPosition', ...AUDIT_LOG_CRITERIA_NAMES] as const;
    const { format = 'ndjson', minPosition, ...filters } = queryParameters(query, names);
    if (!Object.hasOwn(FORMATS, format)) {
      throw new InvalidQueryError('format', `format must be one of ${Object.keys(FORMATS).join(', ')}`);
    }
    // A filtered export selects its events through the read models: minPosition lets it include the caller's writes.
    if (minPosition !== undefined) await awaitMinPosition(this.reads, parsePosition(minPosition, 'minPosition'));
    const { contentType, extension } = FORMATS[format as ExportFormat];
    const plan = await this.exporter.plan(filters);
    const stream =
      format === 'bundle'
        ? this.exporter.bundle(plan)
        : format === 'csv'
          ? this.exporter.csv(plan)
          : this.exporter.ndjson(plan);
    response.setHeader('Content-Type', contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${plan.baseName}.${extension}"`);
    return new StreamableFile(stream);
  }
}
