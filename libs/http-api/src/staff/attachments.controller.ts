import { Controller, Get, Param, ParseUUIDPipe, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApplicationAttachments, extensionOf } from '@petitio/intake';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply } from 'fastify';
import { JsonBodyGuard } from '../json-body.guard';
import { AttachmentResponse } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';

@ApiTags('staff: inbox')
@ApiBearerAuth()
@Controller('api/v1/staff/applications/:id/attachments')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
@Roles('officer', 'supervisor', 'center_admin', 'agent', 'data_protection')
export class AttachmentsController {
  constructor(private readonly attachments: ApplicationAttachments) {}

  @Get()
  @ApiOperation({ summary: "The citizen's files on an application in your reach" })
  @ApiOkResponse({ type: [AttachmentResponse] })
  async list(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<AttachmentResponse[]> {
    return (await this.attachments.listForStaff(staff, id)).map(({ id: fileId, name, type, size }) => ({ id: fileId, name, type, size }));
  }

  @Get(':attachmentId')
  @ApiOperation({
    summary: 'Download one file',
    description: 'Always as a download (never shown inline) with its recognised type; scan files before opening them (see README).',
  })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'application/pdf')
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @CurrentStaff() staff: StaffPrincipal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { attachment, content } = await this.attachments.openForStaff(staff, id, attachmentId);
    // A citizen's file is never rendered by the browser on our origin: attachment, its sniffed type, no sniffing, no scripts.
    await reply
      .headers({
        'content-type': attachment.type,
        'content-length': String(attachment.size),
        'content-disposition': contentDisposition(attachment.name, extensionOf(attachment.type)),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      })
      .send(content);
  }
}

/** RFC 6266: an ASCII fallback name plus the UTF-8 name, with the extension of the type we recognised. */
function contentDisposition(name: string, extension: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const full = `${stem}.${extension}`;
  const ascii = full.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(full).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
