import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Registry } from 'prom-client';
import { Public } from '../../auth/public.decorator';
import { METRICS_REGISTRY } from './metrics-registry';
import { MetricsTokenGuard } from './metrics-token.guard';

/** Prometheus's scrape target. Public to the API's guard: MetricsTokenGuard asks for its own credential instead. */
@ApiTags('operations')
@Controller('metrics')
@Public()
@UseGuards(MetricsTokenGuard)
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @ApiBearerAuth()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'the metrics in the Prometheus text format (needs PORTFOLIO_METRICS_TOKEN)' })
  async metrics(@Res({ passthrough: true }) response: Response): Promise<string> {
    const text = await this.registry.metrics();
    response.type(this.registry.contentType);
    return text;
  }
}
