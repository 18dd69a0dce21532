import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { BoundaryProblem, RegionBoundaries } from '@petitio/directory';
import { Command } from 'commander';
import { CliModule } from '../cli.module';
import { BoundaryFileError, readBoundaryFile } from './boundary-file';

const PROBLEM_WORDS: Record<BoundaryProblem['problem'], string> = {
  no_code: 'has no region code',
  unknown_region: 'names a region the directory does not have',
  duplicate_code: 'names a region an earlier feature already drew',
  unreadable: 'has a geometry PostGIS cannot read',
  not_a_polygon: 'is not a polygon or multipolygon',
  outside_wgs84: 'has coordinates outside WGS 84 longitude/latitude (is it in another projection?)',
};

/** `petitio import-boundaries`: district polygons from a GeoJSON or CSV file, so points place applications. */
export function registerImportBoundariesCommand(program: Command): void {
  program
    .command('import-boundaries')
    .description('load region boundaries (districts, provinces) so that an application with a point is placed in its district; all or nothing')
    .argument('<file>', 'a GeoJSON FeatureCollection (WGS 84) whose features carry the region code, or a CSV with the columns code and wkt')
    .option('--code-property <name>', 'the GeoJSON property holding the region code', 'code')
    .action(async (file: string, options: { codeProperty: string }) => {
      let features;
      try {
        features = readBoundaryFile(file, readFileSync(file, 'utf8'), options.codeProperty);
      } catch (error) {
        if (!(error instanceof BoundaryFileError)) throw error;
        console.error(`${file}: ${error.message}`);
        process.exitCode = 1;
        return;
      }
      const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
      try {
        const result = await app.get(RegionBoundaries).import(features);
        for (const p of result.problems) {
          console.error(`feature ${p.feature}${p.code ? ` (${p.code})` : ''} ${PROBLEM_WORDS[p.problem]}${p.detail ? `: ${p.detail}` : ''}`);
        }
        if (result.problems.length) {
          console.log(`${features.length} features read, ${result.problems.length} problems: nothing was written`);
          process.exitCode = 1;
        } else {
          console.log(`${result.imported} boundaries written; ${await app.get(RegionBoundaries).count()} regions have one`);
        }
      } finally {
        await app.close();
      }
    });
}
