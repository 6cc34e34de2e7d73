import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Registry } from 'prom-client';
import { Public } from '../../auth/public.decorator';
import { METRICS_REGISTRY } from './metrics-registry';
import { MetricsTokenGuard } from './metrics-token.guard';

/**
 * Prometheus's scrape target. Public to the API's guard: MetricsTokenGuard asks for its own credential instead. Not
 * part of the API's OpenAPI document: scrapers read the Prometheus text format, which the README's "Operations" describes.
 */
@ApiExcludeController()
@Controller('metrics')
@Public()
@UseGuards(MetricsTokenGuard)
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  async metrics(@Res({ passthrough: true }) response: Response): Promise<string> {
    const text = await this.registry.metrics();
    response.type(this.registry.contentType);
    return text;
  }
}
