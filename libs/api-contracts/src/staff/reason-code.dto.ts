import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsObject, IsOptional, IsString, MaxLength, ValidateBy, ValidationOptions } from 'class-validator';

/** { tr: '…', en: '…' }: at least one language, two-letter codes, non-blank names. */
function IsLocalisedNames(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'localisedNames',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length > 0 &&
          Object.entries(value).every(([language, name]) => /^[a-z]{2}$/.test(language) && typeof name === 'string' && /\S/.test(name) && name.length <= 200),
      },
    },
    options,
  );
}

export class ReasonCodeUpkeepDto {
  @ApiProperty({ example: { tr: 'Konusu belli olmayan başvuru', en: 'No clear subject' }, description: 'Shown to citizens in their language' })
  @IsLocalisedNames()
  @IsObject()
  @IsDefined()
  names: Record<string, string>;

  @ApiPropertyOptional({ example: 'Law 3071 Art. 6', nullable: true })
  @MaxLength(500)
  @IsString()
  @IsOptional()
  legalBasis?: string | null;

  @ApiProperty({ description: 'Inactive reasons cannot be chosen any more but stay in the history' })
  @IsBoolean()
  @IsDefined()
  active: boolean;
}

export class ReasonCodeResponse {
  @ApiProperty({ enum: ['rejection', 'transfer'] }) kind: string;
  @ApiProperty({ example: 'no_clear_subject' }) code: string;
  @ApiProperty({ example: { tr: 'Konusu belli olmayan başvuru', en: 'No clear subject' } }) names: Record<string, string>;
  @ApiPropertyOptional({ nullable: true }) legalBasis: string | null;
  @ApiProperty() active: boolean;
}
