import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditExporter, type ExportFormat } from '@portfolio/audit';
import { AUDIT_LOG_CRITERIA_NAMES, InvalidQueryError } from '@portfolio/read-models';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { queryParameters } from '../http/read-queries';

const FORMATS: Readonly<Record<ExportFormat, { contentType: string; extension: string }>> = {
  ndjson: { contentType: 'application/x-ndjson', extension: 'ndjson' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  bundle: { contentType: 'application/zip', extension: 'zip' },
};

@ApiTags('audit')
@Controller('audit/export')
@Roles('auditor', 'admin')
export class ExportAuditTrailController {
  constructor(private readonly exporter: AuditExporter) {}

  @Get()
  @ApiQuery({ name: 'format', required: false, enum: Object.keys(FORMATS), description: 'default ndjson' })
  @ApiQuery({ name: 'projectId', required: false })
  @ApiQuery({ name: 'missionCode', required: false })
  @ApiQuery({ name: 'type', required: false })
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'recordedFrom', required: false })
  @ApiQuery({ name: 'recordedTo', required: false })
  @ApiQuery({ name: 'fromPosition', required: false })
  @ApiQuery({ name: 'toPosition', required: false })
  @ApiProduces('application/x-ndjson', 'text/csv', 'application/zip')
  @ApiOkResponse({
    description: 'the events (streamed), or a bundle with manifest, proofs and README for offline checks',
  })
  async export(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const { format = 'ndjson', ...filters } = queryParameters(query, ['format', ...AUDIT_LOG_CRITERIA_NAMES] as const);
    if (!Object.hasOwn(FORMATS, format)) {
      throw new InvalidQueryError('format', `format must be one of ${Object.keys(FORMATS).join(', ')}`);
    }
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
