/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KCXX_VSERIAL_PARAM_H
#define KCXX_VSERIAL_PARAM_H

#ifdef __cplusplus
extern "C" {
#endif

unsigned int kcxx_vserial_loopback_ports(void);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_VSERIAL_PARAM_H */
