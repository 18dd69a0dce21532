import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { Environment } from '../config/environment';
import { ENVIRONMENT } from '../config/environment.module';
import { PreparedQuery } from './prepared-query';

/** Connection settings shared by every process; schema changes only ever come from migrations. */
export function databaseOptions(env: Environment): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // Fail fast when PostgreSQL is down so intake can answer 503 instead of hanging.
    extra: {
      max: env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30000,
      application_name: `petitio-${process.env.PETITIO_PROCESS ?? 'process'}`,
      // Every query here is short or reads an index; JIT compiling one costs more than running it (seconds for the
      // dashboard's wide aggregates), so it is off for our sessions whatever the server's default.
      options: '-c jit=off',
    },
  };
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ENVIRONMENT],
      useFactory: (env: Environment) => ({
        ...databaseOptions(env),
        autoLoadEntities: true,
        retryAttempts: 20,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [PreparedQuery],
  exports: [PreparedQuery],
})
export class DatabaseModule {}
