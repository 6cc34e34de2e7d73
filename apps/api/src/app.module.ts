import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreModule, type PortfolioConfig } from '@portfolio/application';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  static forRoot(config: PortfolioConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [EventStoreModule.forRoot(config), TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
    };
  }
}
