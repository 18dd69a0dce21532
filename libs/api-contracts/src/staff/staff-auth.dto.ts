import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'officer@demo.petitio.example' })
  @MaxLength(254)
  @IsEmail({})
  @IsDefined()
  email: string;

  @ApiProperty()
  @MaxLength(1024)
  @IsString()
  @IsDefined()
  password: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'The token from the emailed link' })
  @MaxLength(200)
  @IsString()
  @IsDefined()
  token: string;

  @ApiProperty({ minLength: 12 })
  @MaxLength(1024)
  @MinLength(1)
  @IsString()
  @IsDefined()
  password: string;
}
