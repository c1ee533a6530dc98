import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';

@Module({ providers: [ExportsRepository, ExportsService], controllers: [ExportsController] })
export class ExportsModule {}
