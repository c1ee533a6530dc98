import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, loadConfig } from '../../config';
import { Database } from './database.service';

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadConfig() }, Database],
  exports: [APP_CONFIG, Database],
})
export class DatabaseModule {}
