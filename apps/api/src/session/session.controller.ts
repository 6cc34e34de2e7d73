import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ROLES, type Principal, type Role } from '@portfolio/application';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';

class SessionDto implements Principal {
  @ApiProperty({
    example: 'token:reviewer:3b1f0c2d4e5a',
    description:
      'the id recorded as the actor of what the caller records: token:<role>:<12 hex> or oidc:<issuer>#<sub>',
  })
  id!: string;
  @ApiProperty({ example: 'reviewer (API token)', description: 'the name shown in histories and reports' })
  name!: string;
  @ApiProperty({ enum: ROLES, description: 'what the caller may do: the operations naming this role in x-roles' })
  role!: Role;
  @ApiPropertyOptional({ description: "the caller's organisation, when the identity provider says so" })
  organisation?: string;
}

/** Who the bearer of a credential is: what a client (the web workspace) checks a pasted token with, and shows. */
@ApiTags('session')
@Controller('session')
@Roles(...ROLES)
export class SessionController {
  @Get()
  @ApiOperation({ operationId: 'getSession', summary: 'Who the caller is: its id, name and role' })
  @ApiOkResponse({ type: SessionDto, description: "the caller's principal, as its credential makes it" })
  session(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
