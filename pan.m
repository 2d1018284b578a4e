#define rand	pan_rand
#define pthread_equal(a,b)	((a)==(b))
#if defined(HAS_CODE) && defined(VERBOSE)
	#ifdef BFS_PAR
		bfs_printf("Pr: %d Tr: %d\n", II, t->forw);
	#else
		cpu_printf("Pr: %d Tr: %d\n", II, t->forw);
	#endif
#endif
	switch (t->forw) {
	default: Uerror("bad forward move");
	case 0:	/* if without executable clauses */
		continue;
	case 1: /* generic 'goto' or 'skip' */
		IfNotBlocked
		_m = 3; goto P999;
	case 2: /* generic 'else' */
		IfNotBlocked
		if (trpt->o_pm&1) continue;
		_m = 3; goto P999;

		 /* PROC :init: */
	case 3: // STATE 1 - kit/keycrypt_kit/model/generated/kcp1.pml:1158 - [c_dl = 27] (0:5:4 - 1)
		IfNotBlocked
		reached[1][1] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.c_dl);
		now.c_dl = 27;
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		/* merge: c_grace = 27(5, 2, 5) */
		reached[1][2] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.c_grace);
		now.c_grace = 27;
#ifdef VAR_RANGES
		logval("c_grace", ((int)now.c_grace));
#endif
		;
		/* merge: ds[0] = 1(5, 3, 5) */
		reached[1][3] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.ds[0]);
		now.ds[0] = 1;
#ifdef VAR_RANGES
		logval("ds[0]", ((int)now.ds[0]));
#endif
		;
		/* merge: accepting = 1(5, 4, 5) */
		reached[1][4] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.accepting);
		now.accepting = 1;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 4: // STATE 5 - kit/keycrypt_kit/model/generated/kcp1.pml:1162 - [(run Session())] (0:0:0 - 1)
		IfNotBlocked
		reached[1][5] = 1;
		if (!(addproc(II, 1, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 5: // STATE 7 - kit/keycrypt_kit/model/generated/kcp1.pml:1165 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[1][7] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC Session */
	case 6: // STATE 1 - kit/keycrypt_kit/model/generated/kcp1.pml:1020 - [(!(halt))] (102:0:4 - 1)
		IfNotBlocked
		reached[0][1] = 1;
		if (!( !(((int)now.halt))))
			continue;
		/* merge: cq = 255(102, 2, 102) */
		reached[0][2] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.cq);
		now.cq = 255;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		/* merge: kq = 255(102, 3, 102) */
		reached[0][3] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.kq);
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		/* merge: dq = 255(102, 4, 102) */
		reached[0][4] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.dq);
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		/* merge: rcv = 255(102, 5, 102) */
		reached[0][5] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.rcv);
		now.rcv = 255;
#ifdef VAR_RANGES
		logval("rcv", ((int)now.rcv));
#endif
		;
		_m = 3; goto P999; /* 4 */
	case 7: // STATE 6 - kit/keycrypt_kit/model/generated/kcp1.pml:1023 - [(((!((!(((cs==6)||(cs==5)))&&(((c_dl==0)&&!(c_dlf))||(c_hb==0))))&&!((((k_conn&&!((ks==3)))&&(k_to==0))&&!(k_tof))))&&((!(((len(q0)>0)&&(hage0>=2)))&&!(((len(q1)>0)&&(hage1>=2))))&&!((((!(((cs==6)||(cs==5)))&&!(c_conn))&&(c_natt<2))&&accepting)))))] (11:0:0 - 1)
		IfNotBlocked
		reached[0][6] = 1;
		if (!((( !(( !(((((int)now.cs)==6)||(((int)now.cs)==5)))&&(((((int)now.c_dl)==0)&& !(((int)now.c_dlf)))||(((int)now.c_hb)==0))))&& !((((((int)now.k_conn)&& !((((int)now.ks)==3)))&&(((int)now.k_to)==0))&& !(((int)now.k_tof)))))&&(( !(((q_len(now.q0)>0)&&(((int)now.hage0)>=2)))&& !(((q_len(now.q1)>0)&&(((int)now.hage1)>=2))))&& !(((( !(((((int)now.cs)==6)||(((int)now.cs)==5)))&& !(((int)now.c_conn)))&&(((int)now.c_natt)<2))&&((int)now.accepting)))))))
			continue;
		/* merge: printf('@time\\n')(0, 7, 11) */
		reached[0][7] = 1;
		Printf("@time\n");
		_m = 3; goto P999; /* 1 */
	case 8: // STATE 8 - kit/keycrypt_kit/model/generated/kcp1.pml:1024 - [(((c_dl!=255)&&(c_dl>0)))] (16:0:1 - 1)
		IfNotBlocked
		reached[0][8] = 1;
		if (!(((((int)now.c_dl)!=255)&&(((int)now.c_dl)>0))))
			continue;
		/* merge: c_dl = (c_dl-1)(0, 9, 16) */
		reached[0][9] = 1;
		(trpt+1)->bup.oval = ((int)now.c_dl);
		now.c_dl = (((int)now.c_dl)-1);
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		/* merge: .(goto)(0, 12, 16) */
		reached[0][12] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 9: // STATE 13 - kit/keycrypt_kit/model/generated/kcp1.pml:1025 - [(((c_grace!=255)&&(c_grace>0)))] (21:0:1 - 1)
		IfNotBlocked
		reached[0][13] = 1;
		if (!(((((int)now.c_grace)!=255)&&(((int)now.c_grace)>0))))
			continue;
		/* merge: c_grace = (c_grace-1)(0, 14, 21) */
		reached[0][14] = 1;
		(trpt+1)->bup.oval = ((int)now.c_grace);
		now.c_grace = (((int)now.c_grace)-1);
#ifdef VAR_RANGES
		logval("c_grace", ((int)now.c_grace));
#endif
		;
		/* merge: .(goto)(0, 17, 21) */
		reached[0][17] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 10: // STATE 18 - kit/keycrypt_kit/model/generated/kcp1.pml:1026 - [((!(((cs==6)||(cs==5)))&&(c_hb>0)))] (26:0:1 - 1)
		IfNotBlocked
		reached[0][18] = 1;
		if (!(( !(((((int)now.cs)==6)||(((int)now.cs)==5)))&&(((int)now.c_hb)>0))))
			continue;
		/* merge: c_hb = (c_hb-1)(0, 19, 26) */
		reached[0][19] = 1;
		(trpt+1)->bup.oval = ((int)now.c_hb);
		now.c_hb = (((int)now.c_hb)-1);
#ifdef VAR_RANGES
		logval("c_hb", ((int)now.c_hb));
#endif
		;
		/* merge: .(goto)(0, 22, 26) */
		reached[0][22] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 11: // STATE 23 - kit/keycrypt_kit/model/generated/kcp1.pml:1027 - [((((k_conn&&!((ks==3)))&&(k_to!=255))&&(k_to>0)))] (31:0:1 - 1)
		IfNotBlocked
		reached[0][23] = 1;
		if (!((((((int)now.k_conn)&& !((((int)now.ks)==3)))&&(((int)now.k_to)!=255))&&(((int)now.k_to)>0))))
			continue;
		/* merge: k_to = (k_to-1)(0, 24, 31) */
		reached[0][24] = 1;
		(trpt+1)->bup.oval = ((int)now.k_to);
		now.k_to = (((int)now.k_to)-1);
#ifdef VAR_RANGES
		logval("k_to", ((int)now.k_to));
#endif
		;
		/* merge: .(goto)(0, 27, 31) */
		reached[0][27] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 12: // STATE 28 - kit/keycrypt_kit/model/generated/kcp1.pml:1028 - [(((c_req!=255)&&(c_req<=12)))] (36:0:1 - 1)
		IfNotBlocked
		reached[0][28] = 1;
		if (!(((((int)now.c_req)!=255)&&(((int)now.c_req)<=12))))
			continue;
		/* merge: c_req = (c_req+1)(0, 29, 36) */
		reached[0][29] = 1;
		(trpt+1)->bup.oval = ((int)now.c_req);
		now.c_req = (((int)now.c_req)+1);
#ifdef VAR_RANGES
		logval("c_req", ((int)now.c_req));
#endif
		;
		/* merge: .(goto)(0, 32, 36) */
		reached[0][32] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 13: // STATE 33 - kit/keycrypt_kit/model/generated/kcp1.pml:1029 - [(((c_exp!=255)&&(c_exp<=12)))] (41:0:1 - 1)
		IfNotBlocked
		reached[0][33] = 1;
		if (!(((((int)now.c_exp)!=255)&&(((int)now.c_exp)<=12))))
			continue;
		/* merge: c_exp = (c_exp+1)(0, 34, 41) */
		reached[0][34] = 1;
		(trpt+1)->bup.oval = ((int)now.c_exp);
		now.c_exp = (((int)now.c_exp)+1);
#ifdef VAR_RANGES
		logval("c_exp", ((int)now.c_exp));
#endif
		;
		/* merge: .(goto)(0, 37, 41) */
		reached[0][37] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 14: // STATE 38 - kit/keycrypt_kit/model/generated/kcp1.pml:1030 - [((len(q0)>0))] (46:0:1 - 1)
		IfNotBlocked
		reached[0][38] = 1;
		if (!((q_len(now.q0)>0)))
			continue;
		/* merge: hage0 = (hage0+1)(0, 39, 46) */
		reached[0][39] = 1;
		(trpt+1)->bup.oval = ((int)now.hage0);
		now.hage0 = (((int)now.hage0)+1);
#ifdef VAR_RANGES
		logval("hage0", ((int)now.hage0));
#endif
		;
		/* merge: .(goto)(0, 42, 46) */
		reached[0][42] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 15: // STATE 43 - kit/keycrypt_kit/model/generated/kcp1.pml:1030 - [((len(q1)>0))] (358:0:1 - 1)
		IfNotBlocked
		reached[0][43] = 1;
		if (!((q_len(now.q1)>0)))
			continue;
		/* merge: hage1 = (hage1+1)(0, 44, 358) */
		reached[0][44] = 1;
		(trpt+1)->bup.oval = ((int)now.hage1);
		now.hage1 = (((int)now.hage1)+1);
#ifdef VAR_RANGES
		logval("hage1", ((int)now.hage1));
#endif
		;
		/* merge: .(goto)(0, 47, 358) */
		reached[0][47] = 1;
		;
		/* merge: .(goto)(0, 103, 358) */
		reached[0][103] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 16: // STATE 48 - kit/keycrypt_kit/model/generated/kcp1.pml:1031 - [(((!(((cs==6)||(cs==5)))&&(c_dl==0))&&!(c_dlf)))] (358:0:2 - 1)
		IfNotBlocked
		reached[0][48] = 1;
		if (!((( !(((((int)now.cs)==6)||(((int)now.cs)==5)))&&(((int)now.c_dl)==0))&& !(((int)now.c_dlf)))))
			continue;
		/* merge: c_dlf = 1(358, 49, 358) */
		reached[0][49] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.c_dlf);
		now.c_dlf = 1;
#ifdef VAR_RANGES
		logval("c_dlf", ((int)now.c_dlf));
#endif
		;
		/* merge: cq = ( ((((c_hello&&!(c_est))&&(c_grace!=255))&&(c_grace>0))) -> (4) : (3) )(358, 50, 358) */
		reached[0][50] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.cq);
		now.cq = ( ((((((int)now.c_hello)&& !(((int)now.c_est)))&&(((int)now.c_grace)!=255))&&(((int)now.c_grace)>0))) ? (4) : (3) );
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		/* merge: .(goto)(0, 103, 358) */
		reached[0][103] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 17: // STATE 51 - kit/keycrypt_kit/model/generated/kcp1.pml:1032 - [((!(((cs==6)||(cs==5)))&&(c_hb==0)))] (358:0:2 - 1)
		IfNotBlocked
		reached[0][51] = 1;
		if (!(( !(((((int)now.cs)==6)||(((int)now.cs)==5)))&&(((int)now.c_hb)==0))))
			continue;
		/* merge: c_hb = 4(358, 52, 358) */
		reached[0][52] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.c_hb);
		now.c_hb = 4;
#ifdef VAR_RANGES
		logval("c_hb", ((int)now.c_hb));
#endif
		;
		/* merge: cq = ( ((c_dl==0)) -> (( ((((c_hello&&!(c_est))&&(c_grace!=255))&&(c_grace>0))) -> (4) : (3) )) : (2) )(358, 53, 358) */
		reached[0][53] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.cq);
		now.cq = ( ((((int)now.c_dl)==0)) ? (( ((((((int)now.c_hello)&& !(((int)now.c_est)))&&(((int)now.c_grace)!=255))&&(((int)now.c_grace)>0))) ? (4) : (3) )) : (2) );
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		/* merge: .(goto)(0, 103, 358) */
		reached[0][103] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 18: // STATE 54 - kit/keycrypt_kit/model/generated/kcp1.pml:1033 - [((((!(((cs==6)||(cs==5)))&&!(c_conn))&&(c_natt<2))&&accepting))] (76:0:3 - 1)
		IfNotBlocked
		reached[0][54] = 1;
		if (!(((( !(((((int)now.cs)==6)||(((int)now.cs)==5)))&& !(((int)now.c_conn)))&&(((int)now.c_natt)<2))&&((int)now.accepting))))
			continue;
		/* merge: c_conn = 1(76, 55, 76) */
		reached[0][55] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.c_conn);
		now.c_conn = 1;
#ifdef VAR_RANGES
		logval("c_conn", ((int)now.c_conn));
#endif
		;
		/* merge: c_att = c_natt(76, 56, 76) */
		reached[0][56] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.c_att);
		now.c_att = ((int)now.c_natt);
#ifdef VAR_RANGES
		logval("c_att", ((int)now.c_att));
#endif
		;
		/* merge: c_natt = (c_natt+1)(76, 57, 76) */
		reached[0][57] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.c_natt);
		now.c_natt = (((int)now.c_natt)+1);
#ifdef VAR_RANGES
		logval("c_natt", ((int)now.c_natt));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 19: // STATE 58 - kit/keycrypt_kit/model/generated/kcp1.pml:254 - [((len(q0)>0))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][58] = 1;
		if (!((q_len(now.q0)>0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 20: // STATE 59 - kit/keycrypt_kit/model/generated/kcp1.pml:254 - [q0?_] (0:0:1 - 1)
		reached[0][59] = 1;
		if (q_len(now.q0) == 0) continue;

		XX=1;
		(trpt+1)->bup.oval = qrecv(now.q0, XX-1, 0, 0);
		;
		qrecv(now.q0, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q0);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		_m = 4; goto P999; /* 0 */
	case 21: // STATE 60 - kit/keycrypt_kit/model/generated/kcp1.pml:254 - [((len(q0)==0))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][60] = 1;
		if (!((q_len(now.q0)==0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 22: // STATE 65 - kit/keycrypt_kit/model/generated/kcp1.pml:255 - [((len(q1)>0))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][65] = 1;
		if (!((q_len(now.q1)>0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 23: // STATE 66 - kit/keycrypt_kit/model/generated/kcp1.pml:255 - [q1?_] (0:0:1 - 1)
		reached[0][66] = 1;
		if (q_len(now.q1) == 0) continue;

		XX=1;
		(trpt+1)->bup.oval = qrecv(now.q1, XX-1, 0, 0);
		;
		qrecv(now.q1, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q1);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		_m = 4; goto P999; /* 0 */
	case 24: // STATE 67 - kit/keycrypt_kit/model/generated/kcp1.pml:255 - [((len(q1)==0))] (358:0:15 - 1)
		IfNotBlocked
		reached[0][67] = 1;
		if (!((q_len(now.q1)==0)))
			continue;
		/* merge: goto :b2(358, 68, 358) */
		reached[0][68] = 1;
		;
		/* merge: taint0 = 0(358, 72, 358) */
		reached[0][72] = 1;
		(trpt+1)->bup.ovals = grab_ints(15);
		(trpt+1)->bup.ovals[0] = ((int)now.taint0);
		now.taint0 = 0;
#ifdef VAR_RANGES
		logval("taint0", ((int)now.taint0));
#endif
		;
		/* merge: taint1 = 0(358, 73, 358) */
		reached[0][73] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.taint1);
		now.taint1 = 0;
#ifdef VAR_RANGES
		logval("taint1", ((int)now.taint1));
#endif
		;
		/* merge: hage0 = 0(358, 74, 358) */
		reached[0][74] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.hage0);
		now.hage0 = 0;
#ifdef VAR_RANGES
		logval("hage0", ((int)now.hage0));
#endif
		;
		/* merge: hage1 = 0(358, 75, 358) */
		reached[0][75] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.hage1);
		now.hage1 = 0;
#ifdef VAR_RANGES
		logval("hage1", ((int)now.hage1));
#endif
		;
		/* merge: ks = 0(358, 77, 358) */
		reached[0][77] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.ks);
		now.ks = 0;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
		/* merge: k_epoch = 0(358, 78, 358) */
		reached[0][78] = 1;
		(trpt+1)->bup.ovals[5] = ((int)now.k_epoch);
		now.k_epoch = 0;
#ifdef VAR_RANGES
		logval("k_epoch", ((int)now.k_epoch));
#endif
		;
		/* merge: k_ctr = 0(358, 79, 358) */
		reached[0][79] = 1;
		(trpt+1)->bup.ovals[6] = ((int)now.k_ctr);
		now.k_ctr = 0;
#ifdef VAR_RANGES
		logval("k_ctr", ((int)now.k_ctr));
#endif
		;
		/* merge: k_pc = 0(358, 80, 358) */
		reached[0][80] = 1;
		(trpt+1)->bup.ovals[7] = ((int)now.k_pc);
		now.k_pc = 0;
#ifdef VAR_RANGES
		logval("k_pc", ((int)now.k_pc));
#endif
		;
		/* merge: k_sess = 255(358, 81, 358) */
		reached[0][81] = 1;
		(trpt+1)->bup.ovals[8] = ((int)now.k_sess);
		now.k_sess = 255;
#ifdef VAR_RANGES
		logval("k_sess", ((int)now.k_sess));
#endif
		;
		/* merge: k_keys = 0(358, 82, 358) */
		reached[0][82] = 1;
		(trpt+1)->bup.ovals[9] = ((int)now.k_keys);
		now.k_keys = 0;
#ifdef VAR_RANGES
		logval("k_keys", ((int)now.k_keys));
#endif
		;
		/* merge: k_tof = 0(358, 83, 358) */
		reached[0][83] = 1;
		(trpt+1)->bup.ovals[10] = ((int)now.k_tof);
		now.k_tof = 0;
#ifdef VAR_RANGES
		logval("k_tof", ((int)now.k_tof));
#endif
		;
		/* merge: k_drop = 0(358, 84, 358) */
		reached[0][84] = 1;
		(trpt+1)->bup.ovals[11] = ((int)now.k_drop);
		now.k_drop = 0;
#ifdef VAR_RANGES
		logval("k_drop", ((int)now.k_drop));
#endif
		;
		/* merge: k_conn = 1(358, 85, 358) */
		reached[0][85] = 1;
		(trpt+1)->bup.ovals[12] = ((int)now.k_conn);
		now.k_conn = 1;
#ifdef VAR_RANGES
		logval("k_conn", ((int)now.k_conn));
#endif
		;
		/* merge: k_to = 24(358, 86, 358) */
		reached[0][86] = 1;
		(trpt+1)->bup.ovals[13] = ((int)now.k_to);
		now.k_to = 24;
#ifdef VAR_RANGES
		logval("k_to", ((int)now.k_to));
#endif
		;
		/* merge: printf('@connect %d\\n',c_att)(358, 87, 358) */
		reached[0][87] = 1;
		Printf("@connect %d\n", ((int)now.c_att));
		/* merge: cq = ( ((c_dl==0)) -> (( ((((c_hello&&!(c_est))&&(c_grace!=255))&&(c_grace>0))) -> (4) : (3) )) : (0) )(358, 88, 358) */
		reached[0][88] = 1;
		(trpt+1)->bup.ovals[14] = ((int)now.cq);
		now.cq = ( ((((int)now.c_dl)==0)) ? (( ((((((int)now.c_hello)&& !(((int)now.c_est)))&&(((int)now.c_grace)!=255))&&(((int)now.c_grace)>0))) ? (4) : (3) )) : (0) );
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		/* merge: .(goto)(0, 103, 358) */
		reached[0][103] = 1;
		;
		_m = 3; goto P999; /* 18 */
	case 25: // STATE 72 - kit/keycrypt_kit/model/generated/kcp1.pml:256 - [taint0 = 0] (0:358:15 - 3)
		IfNotBlocked
		reached[0][72] = 1;
		(trpt+1)->bup.ovals = grab_ints(15);
		(trpt+1)->bup.ovals[0] = ((int)now.taint0);
		now.taint0 = 0;
#ifdef VAR_RANGES
		logval("taint0", ((int)now.taint0));
#endif
		;
		/* merge: taint1 = 0(358, 73, 358) */
		reached[0][73] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.taint1);
		now.taint1 = 0;
#ifdef VAR_RANGES
		logval("taint1", ((int)now.taint1));
#endif
		;
		/* merge: hage0 = 0(358, 74, 358) */
		reached[0][74] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.hage0);
		now.hage0 = 0;
#ifdef VAR_RANGES
		logval("hage0", ((int)now.hage0));
#endif
		;
		/* merge: hage1 = 0(358, 75, 358) */
		reached[0][75] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.hage1);
		now.hage1 = 0;
#ifdef VAR_RANGES
		logval("hage1", ((int)now.hage1));
#endif
		;
		/* merge: ks = 0(358, 77, 358) */
		reached[0][77] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.ks);
		now.ks = 0;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
		/* merge: k_epoch = 0(358, 78, 358) */
		reached[0][78] = 1;
		(trpt+1)->bup.ovals[5] = ((int)now.k_epoch);
		now.k_epoch = 0;
#ifdef VAR_RANGES
		logval("k_epoch", ((int)now.k_epoch));
#endif
		;
		/* merge: k_ctr = 0(358, 79, 358) */
		reached[0][79] = 1;
		(trpt+1)->bup.ovals[6] = ((int)now.k_ctr);
		now.k_ctr = 0;
#ifdef VAR_RANGES
		logval("k_ctr", ((int)now.k_ctr));
#endif
		;
		/* merge: k_pc = 0(358, 80, 358) */
		reached[0][80] = 1;
		(trpt+1)->bup.ovals[7] = ((int)now.k_pc);
		now.k_pc = 0;
#ifdef VAR_RANGES
		logval("k_pc", ((int)now.k_pc));
#endif
		;
		/* merge: k_sess = 255(358, 81, 358) */
		reached[0][81] = 1;
		(trpt+1)->bup.ovals[8] = ((int)now.k_sess);
		now.k_sess = 255;
#ifdef VAR_RANGES
		logval("k_sess", ((int)now.k_sess));
#endif
		;
		/* merge: k_keys = 0(358, 82, 358) */
		reached[0][82] = 1;
		(trpt+1)->bup.ovals[9] = ((int)now.k_keys);
		now.k_keys = 0;
#ifdef VAR_RANGES
		logval("k_keys", ((int)now.k_keys));
#endif
		;
		/* merge: k_tof = 0(358, 83, 358) */
		reached[0][83] = 1;
		(trpt+1)->bup.ovals[10] = ((int)now.k_tof);
		now.k_tof = 0;
#ifdef VAR_RANGES
		logval("k_tof", ((int)now.k_tof));
#endif
		;
		/* merge: k_drop = 0(358, 84, 358) */
		reached[0][84] = 1;
		(trpt+1)->bup.ovals[11] = ((int)now.k_drop);
		now.k_drop = 0;
#ifdef VAR_RANGES
		logval("k_drop", ((int)now.k_drop));
#endif
		;
		/* merge: k_conn = 1(358, 85, 358) */
		reached[0][85] = 1;
		(trpt+1)->bup.ovals[12] = ((int)now.k_conn);
		now.k_conn = 1;
#ifdef VAR_RANGES
		logval("k_conn", ((int)now.k_conn));
#endif
		;
		/* merge: k_to = 24(358, 86, 358) */
		reached[0][86] = 1;
		(trpt+1)->bup.ovals[13] = ((int)now.k_to);
		now.k_to = 24;
#ifdef VAR_RANGES
		logval("k_to", ((int)now.k_to));
#endif
		;
		/* merge: printf('@connect %d\\n',c_att)(358, 87, 358) */
		reached[0][87] = 1;
		Printf("@connect %d\n", ((int)now.c_att));
		/* merge: cq = ( ((c_dl==0)) -> (( ((((c_hello&&!(c_est))&&(c_grace!=255))&&(c_grace>0))) -> (4) : (3) )) : (0) )(358, 88, 358) */
		reached[0][88] = 1;
		(trpt+1)->bup.ovals[14] = ((int)now.cq);
		now.cq = ( ((((int)now.c_dl)==0)) ? (( ((((((int)now.c_hello)&& !(((int)now.c_est)))&&(((int)now.c_grace)!=255))&&(((int)now.c_grace)>0))) ? (4) : (3) )) : (0) );
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		/* merge: .(goto)(0, 103, 358) */
		reached[0][103] = 1;
		;
		_m = 3; goto P999; /* 16 */
	case 26: // STATE 89 - kit/keycrypt_kit/model/generated/kcp1.pml:1037 - [((((k_conn&&!((ks==3)))&&(k_to==0))&&!(k_tof)))] (358:0:2 - 1)
		IfNotBlocked
		reached[0][89] = 1;
		if (!((((((int)now.k_conn)&& !((((int)now.ks)==3)))&&(((int)now.k_to)==0))&& !(((int)now.k_tof)))))
			continue;
		/* merge: k_tof = 1(358, 90, 358) */
		reached[0][90] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.k_tof);
		now.k_tof = 1;
#ifdef VAR_RANGES
		logval("k_tof", ((int)now.k_tof));
#endif
		;
		/* merge: kq = 9(358, 91, 358) */
		reached[0][91] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.kq);
		now.kq = 9;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		/* merge: .(goto)(0, 103, 358) */
		reached[0][103] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 27: // STATE 92 - kit/keycrypt_kit/model/generated/kcp1.pml:1038 - [((((len(q0)>0)&&k_conn)&&!((ks==3))))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][92] = 1;
		if (!((((q_len(now.q0)>0)&&((int)now.k_conn))&& !((((int)now.ks)==3)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 28: // STATE 93 - kit/keycrypt_kit/model/generated/kcp1.pml:1038 - [q0?x] (358:0:4 - 1)
		reached[0][93] = 1;
		if (q_len(now.q0) == 0) continue;

		XX=1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.x);
		;
		now.x = qrecv(now.q0, XX-1, 0, 1);
#ifdef VAR_RANGES
		logval("x", ((int)now.x));
#endif
		;
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q0);
		sprintf(simtmp, "%d", ((int)now.x)); strcat(simvals, simtmp);		}
#endif
		;
		/* merge: hage0 = 0(358, 94, 358) */
		reached[0][94] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hage0);
		now.hage0 = 0;
#ifdef VAR_RANGES
		logval("hage0", ((int)now.hage0));
#endif
		;
		/* merge: rcv = 0(358, 95, 358) */
		reached[0][95] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.rcv);
		now.rcv = 0;
#ifdef VAR_RANGES
		logval("rcv", ((int)now.rcv));
#endif
		;
		/* merge: genuine = 1(358, 96, 358) */
		reached[0][96] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.genuine);
		now.genuine = 1;
#ifdef VAR_RANGES
		logval("genuine", ((int)now.genuine));
#endif
		;
		/* merge: .(goto)(0, 103, 358) */
		reached[0][103] = 1;
		;
		_m = 4; goto P999; /* 4 */
	case 29: // STATE 97 - kit/keycrypt_kit/model/generated/kcp1.pml:1039 - [((((len(q1)>0)&&c_conn)&&!(((cs==6)||(cs==5)))))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][97] = 1;
		if (!((((q_len(now.q1)>0)&&((int)now.c_conn))&& !(((((int)now.cs)==6)||(((int)now.cs)==5))))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 30: // STATE 98 - kit/keycrypt_kit/model/generated/kcp1.pml:1039 - [q1?x] (358:0:4 - 1)
		reached[0][98] = 1;
		if (q_len(now.q1) == 0) continue;

		XX=1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.x);
		;
		now.x = qrecv(now.q1, XX-1, 0, 1);
#ifdef VAR_RANGES
		logval("x", ((int)now.x));
#endif
		;
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q1);
		sprintf(simtmp, "%d", ((int)now.x)); strcat(simvals, simtmp);		}
#endif
		;
		/* merge: hage1 = 0(358, 99, 358) */
		reached[0][99] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hage1);
		now.hage1 = 0;
#ifdef VAR_RANGES
		logval("hage1", ((int)now.hage1));
#endif
		;
		/* merge: rcv = 1(358, 100, 358) */
		reached[0][100] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.rcv);
		now.rcv = 1;
#ifdef VAR_RANGES
		logval("rcv", ((int)now.rcv));
#endif
		;
		/* merge: genuine = 1(358, 101, 358) */
		reached[0][101] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.genuine);
		now.genuine = 1;
#ifdef VAR_RANGES
		logval("genuine", ((int)now.genuine));
#endif
		;
		/* merge: .(goto)(0, 103, 358) */
		reached[0][103] = 1;
		;
		_m = 4; goto P999; /* 4 */
	case 31: // STATE 358 - kit/keycrypt_kit/model/generated/kcp1.pml:1066 - [D_STEP1066]
		if (!(((boq == -1 && (((int)now.rcv)!=255))) || (boq == -1 /* else */)))
			continue;

		reached[0][358] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_355_0: /* 2 */
S_103_0: /* 2 */
		if (!((((int)now.rcv)!=255)))
			goto S_355_1;
S_353_0: /* 2 */
S_104_0: /* 2 */
		now.f = ((int)now.x);
#ifdef VAR_RANGES
		logval("f", ((int)now.f));
#endif
		;
S_307_0: /* 2 */
S_105_0: /* 2 */
		now.fE = 0;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_106_0: /* 2 */
		now.fC = 0;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_107_0: /* 2 */
		now.fS = 0;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
S_108_0: /* 2 */
		now.fX = ((int)now.c_att);
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
S_109_0: /* 2 */
		now.fV = 1;
#ifdef VAR_RANGES
		logval("fV", ((int)now.fV));
#endif
		;
S_305_0: /* 2 */
S_110_0: /* 2 */
		if (!((((int)now.f)==1)))
			goto S_305_1;
S_111_0: /* 2 */
		now.fT = 1;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_112_0: /* 2 */
		now.fX = 0;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
		goto S_306_0;
S_305_1: /* 3 */
S_113_0: /* 2 */
		if (!((((int)now.f)==2)))
			goto S_305_2;
S_114_0: /* 2 */
		now.fT = 1;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_115_0: /* 2 */
		now.fX = 1;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
		goto S_306_0;
S_305_2: /* 3 */
S_116_0: /* 2 */
		if (!((((int)now.f)==3)))
			goto S_305_3;
S_117_0: /* 2 */
		now.fT = 2;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_118_0: /* 2 */
		now.fX = 0;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
S_119_0: /* 2 */
		now.fS = 0;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_3: /* 3 */
S_120_0: /* 2 */
		if (!((((int)now.f)==4)))
			goto S_305_4;
S_121_0: /* 2 */
		now.fT = 2;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_122_0: /* 2 */
		now.fX = 0;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
S_123_0: /* 2 */
		now.fS = 1;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_4: /* 3 */
S_124_0: /* 2 */
		if (!((((int)now.f)==5)))
			goto S_305_5;
S_125_0: /* 2 */
		now.fT = 2;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_126_0: /* 2 */
		now.fX = 0;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
S_127_0: /* 2 */
		now.fS = 2;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_5: /* 3 */
S_128_0: /* 2 */
		if (!((((int)now.f)==6)))
			goto S_305_6;
S_129_0: /* 2 */
		now.fT = 2;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_130_0: /* 2 */
		now.fX = 0;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
S_131_0: /* 2 */
		now.fS = 3;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_6: /* 3 */
S_132_0: /* 2 */
		if (!((((int)now.f)==7)))
			goto S_305_7;
S_133_0: /* 2 */
		now.fT = 2;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_134_0: /* 2 */
		now.fX = 1;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
S_135_0: /* 2 */
		now.fS = 0;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_7: /* 3 */
S_136_0: /* 2 */
		if (!((((int)now.f)==8)))
			goto S_305_8;
S_137_0: /* 2 */
		now.fT = 2;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_138_0: /* 2 */
		now.fX = 1;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
S_139_0: /* 2 */
		now.fS = 1;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_8: /* 3 */
S_140_0: /* 2 */
		if (!((((int)now.f)==9)))
			goto S_305_9;
S_141_0: /* 2 */
		now.fT = 2;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_142_0: /* 2 */
		now.fX = 1;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
S_143_0: /* 2 */
		now.fS = 2;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_9: /* 3 */
S_144_0: /* 2 */
		if (!((((int)now.f)==10)))
			goto S_305_10;
S_145_0: /* 2 */
		now.fT = 2;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_146_0: /* 2 */
		now.fX = 1;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
S_147_0: /* 2 */
		now.fS = 3;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_10: /* 3 */
S_148_0: /* 2 */
		if (!((((int)now.f)==11)))
			goto S_305_11;
S_149_0: /* 2 */
		now.fT = 3;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
		goto S_306_0;
S_305_11: /* 3 */
S_150_0: /* 2 */
		if (!((((int)now.f)==12)))
			goto S_305_12;
S_151_0: /* 2 */
		now.fT = 3;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_152_0: /* 2 */
		now.fC = 1;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
		goto S_306_0;
S_305_12: /* 3 */
S_153_0: /* 2 */
		if (!((((int)now.f)==13)))
			goto S_305_13;
S_154_0: /* 2 */
		now.fT = 3;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_155_0: /* 2 */
		now.fC = 2;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
		goto S_306_0;
S_305_13: /* 3 */
S_156_0: /* 2 */
		if (!((((int)now.f)==14)))
			goto S_305_14;
S_157_0: /* 2 */
		now.fT = 3;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_158_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
		goto S_306_0;
S_305_14: /* 3 */
S_159_0: /* 2 */
		if (!((((int)now.f)==15)))
			goto S_305_15;
S_160_0: /* 2 */
		now.fT = 3;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_161_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_162_0: /* 2 */
		now.fC = 1;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
		goto S_306_0;
S_305_15: /* 3 */
S_163_0: /* 2 */
		if (!((((int)now.f)==16)))
			goto S_305_16;
S_164_0: /* 2 */
		now.fT = 3;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_165_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_166_0: /* 2 */
		now.fC = 2;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
		goto S_306_0;
S_305_16: /* 3 */
S_167_0: /* 2 */
		if (!((((int)now.f)==17)))
			goto S_305_17;
S_168_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_169_0: /* 2 */
		now.fS = 0;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_17: /* 3 */
S_170_0: /* 2 */
		if (!((((int)now.f)==18)))
			goto S_305_18;
S_171_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_172_0: /* 2 */
		now.fS = 1;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_18: /* 3 */
S_173_0: /* 2 */
		if (!((((int)now.f)==19)))
			goto S_305_19;
S_174_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_175_0: /* 2 */
		now.fS = 2;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_19: /* 3 */
S_176_0: /* 2 */
		if (!((((int)now.f)==20)))
			goto S_305_20;
S_177_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_178_0: /* 2 */
		now.fS = 3;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_20: /* 3 */
S_179_0: /* 2 */
		if (!((((int)now.f)==21)))
			goto S_305_21;
S_180_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_181_0: /* 2 */
		now.fC = 1;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_182_0: /* 2 */
		now.fS = 0;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_21: /* 3 */
S_183_0: /* 2 */
		if (!((((int)now.f)==22)))
			goto S_305_22;
S_184_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_185_0: /* 2 */
		now.fC = 1;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_186_0: /* 2 */
		now.fS = 1;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_22: /* 3 */
S_187_0: /* 2 */
		if (!((((int)now.f)==23)))
			goto S_305_23;
S_188_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_189_0: /* 2 */
		now.fC = 1;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_190_0: /* 2 */
		now.fS = 2;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_23: /* 3 */
S_191_0: /* 2 */
		if (!((((int)now.f)==24)))
			goto S_305_24;
S_192_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_193_0: /* 2 */
		now.fC = 1;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_194_0: /* 2 */
		now.fS = 3;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_24: /* 3 */
S_195_0: /* 2 */
		if (!((((int)now.f)==25)))
			goto S_305_25;
S_196_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_197_0: /* 2 */
		now.fC = 2;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_198_0: /* 2 */
		now.fS = 0;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_25: /* 3 */
S_199_0: /* 2 */
		if (!((((int)now.f)==26)))
			goto S_305_26;
S_200_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_201_0: /* 2 */
		now.fC = 2;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_202_0: /* 2 */
		now.fS = 1;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_26: /* 3 */
S_203_0: /* 2 */
		if (!((((int)now.f)==27)))
			goto S_305_27;
S_204_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_205_0: /* 2 */
		now.fC = 2;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_206_0: /* 2 */
		now.fS = 2;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_27: /* 3 */
S_207_0: /* 2 */
		if (!((((int)now.f)==28)))
			goto S_305_28;
S_208_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_209_0: /* 2 */
		now.fC = 2;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_210_0: /* 2 */
		now.fS = 3;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_28: /* 3 */
S_211_0: /* 2 */
		if (!((((int)now.f)==29)))
			goto S_305_29;
S_212_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_213_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_214_0: /* 2 */
		now.fS = 0;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_29: /* 3 */
S_215_0: /* 2 */
		if (!((((int)now.f)==30)))
			goto S_305_30;
S_216_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_217_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_218_0: /* 2 */
		now.fS = 1;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_30: /* 3 */
S_219_0: /* 2 */
		if (!((((int)now.f)==31)))
			goto S_305_31;
S_220_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_221_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_222_0: /* 2 */
		now.fS = 2;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_31: /* 3 */
S_223_0: /* 2 */
		if (!((((int)now.f)==32)))
			goto S_305_32;
S_224_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_225_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_226_0: /* 2 */
		now.fS = 3;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_32: /* 3 */
S_227_0: /* 2 */
		if (!((((int)now.f)==33)))
			goto S_305_33;
S_228_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_229_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_230_0: /* 2 */
		now.fC = 1;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_231_0: /* 2 */
		now.fS = 0;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_33: /* 3 */
S_232_0: /* 2 */
		if (!((((int)now.f)==34)))
			goto S_305_34;
S_233_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_234_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_235_0: /* 2 */
		now.fC = 1;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_236_0: /* 2 */
		now.fS = 1;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_34: /* 3 */
S_237_0: /* 2 */
		if (!((((int)now.f)==35)))
			goto S_305_35;
S_238_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_239_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_240_0: /* 2 */
		now.fC = 1;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_241_0: /* 2 */
		now.fS = 2;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_35: /* 3 */
S_242_0: /* 2 */
		if (!((((int)now.f)==36)))
			goto S_305_36;
S_243_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_244_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_245_0: /* 2 */
		now.fC = 1;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_246_0: /* 2 */
		now.fS = 3;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_36: /* 3 */
S_247_0: /* 2 */
		if (!((((int)now.f)==37)))
			goto S_305_37;
S_248_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_249_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_250_0: /* 2 */
		now.fC = 2;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_251_0: /* 2 */
		now.fS = 0;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_37: /* 3 */
S_252_0: /* 2 */
		if (!((((int)now.f)==38)))
			goto S_305_38;
S_253_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_254_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_255_0: /* 2 */
		now.fC = 2;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_256_0: /* 2 */
		now.fS = 1;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_38: /* 3 */
S_257_0: /* 2 */
		if (!((((int)now.f)==39)))
			goto S_305_39;
S_258_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_259_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_260_0: /* 2 */
		now.fC = 2;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_261_0: /* 2 */
		now.fS = 2;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_39: /* 3 */
S_262_0: /* 2 */
		if (!((((int)now.f)==40)))
			goto S_305_40;
S_263_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_264_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_265_0: /* 2 */
		now.fC = 2;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_266_0: /* 2 */
		now.fS = 3;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
		goto S_306_0;
S_305_40: /* 3 */
S_267_0: /* 2 */
		if (!((((int)now.f)==41)))
			goto S_305_41;
S_268_0: /* 2 */
		now.fT = 5;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
		goto S_306_0;
S_305_41: /* 3 */
S_269_0: /* 2 */
		if (!((((int)now.f)==42)))
			goto S_305_42;
S_270_0: /* 2 */
		now.fT = 5;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_271_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
		goto S_306_0;
S_305_42: /* 3 */
S_272_0: /* 2 */
		if (!((((int)now.f)==43)))
			goto S_305_43;
S_273_0: /* 2 */
		now.fT = 6;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
		goto S_306_0;
S_305_43: /* 3 */
S_274_0: /* 2 */
		if (!((((int)now.f)==44)))
			goto S_305_44;
S_275_0: /* 2 */
		now.fT = 6;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_276_0: /* 2 */
		now.fE = 1;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
		goto S_306_0;
S_305_44: /* 3 */
S_277_0: /* 2 */
		if (!((((int)now.f)==45)))
			goto S_305_45;
S_278_0: /* 2 */
		now.fT = 6;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_279_0: /* 2 */
		now.fE = 2;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
		goto S_306_0;
S_305_45: /* 3 */
S_280_0: /* 2 */
		if (!((((int)now.f)==46)))
			goto S_305_46;
S_281_0: /* 2 */
		now.fT = 1;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_282_0: /* 2 */
		now.fX = 2;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
		goto S_306_0;
S_305_46: /* 3 */
S_283_0: /* 2 */
		if (!((((int)now.f)==47)))
			goto S_305_47;
S_284_0: /* 2 */
		now.fT = 3;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_285_0: /* 2 */
		now.fX = 2;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
		goto S_306_0;
S_305_47: /* 3 */
S_286_0: /* 2 */
		if (!((((int)now.f)==48)))
			goto S_305_48;
S_287_0: /* 2 */
		now.fT = 5;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_288_0: /* 2 */
		now.fX = 2;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
		goto S_306_0;
S_305_48: /* 3 */
S_289_0: /* 2 */
		if (!((((int)now.f)==49)))
			goto S_305_49;
S_290_0: /* 2 */
		now.fT = 2;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_291_0: /* 2 */
		now.fX = 2;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
		goto S_306_0;
S_305_49: /* 3 */
S_292_0: /* 2 */
		if (!((((int)now.f)==50)))
			goto S_305_50;
S_293_0: /* 2 */
		now.fT = 4;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_294_0: /* 2 */
		now.fX = 2;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
		goto S_306_0;
S_305_50: /* 3 */
S_295_0: /* 2 */
		if (!((((int)now.f)==51)))
			goto S_305_51;
S_296_0: /* 2 */
		now.fT = 6;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_297_0: /* 2 */
		now.fX = 2;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
		goto S_306_0;
S_305_51: /* 3 */
S_298_0: /* 2 */
		if (!((((int)now.f)==52)))
			goto S_305_52;
S_299_0: /* 2 */
		now.fT = 7;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_300_0: /* 2 */
		now.fX = 2;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
S_301_0: /* 2 */
		now.fV = 0;
#ifdef VAR_RANGES
		logval("fV", ((int)now.fV));
#endif
		;
		goto S_306_0;
S_305_52: /* 3 */
S_302_0: /* 2 */
		if (!((((int)now.f)==53)))
			goto S_305_53;
S_303_0: /* 2 */
		now.fT = 8;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_304_0: /* 2 */
		now.fX = 2;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
		goto S_306_0;
S_305_53: /* 3 */
		Uerror("blocking sel in d_step (nr.0, near line 263)");
S_306_0: /* 2 */
		goto S_308_0;
S_308_0: /* 2 */
		now.acted = 0;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_309_0: /* 2 */
		now.peer_adv = (((((int)now.fT)==1)&&(((int)now.ks)==0))||((((int)now.fX)==2)&&(((int)now.k_sess)==2)));
#ifdef VAR_RANGES
		logval("peer_adv", ((int)now.peer_adv));
#endif
		;
S_310_0: /* 2 */
		Printf("@deliver %d %d %d\n", ((int)now.rcv), ((int)now.f), ((int)now.genuine));
S_351_0: /* 2 */
S_311_0: /* 2 */
		if (!(((((int)now.rcv)==1)&&(((int)now.c_dl)==0))))
			goto S_351_1;
S_312_0: /* 2 */
		now.cq = ( ((((((int)now.c_hello)&& !(((int)now.c_est)))&&(((int)now.c_grace)!=255))&&(((int)now.c_grace)>0))) ? (4) : (3) );
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_352_0;
S_351_1: /* 3 */
S_313_0: /* 2 */
		if (!((((((int)now.rcv)==1)&&(((int)now.c_dl)!=0))&&(((int)now.fT)==7))))
			goto S_351_2;
S_314_0: /* 2 */
		now.cq = 6;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_352_0;
S_351_2: /* 3 */
S_315_0: /* 2 */
		if (!((((((int)now.rcv)==1)&&(((int)now.c_dl)!=0))&&(((int)now.fT)==8))))
			goto S_351_3;
S_316_0: /* 2 */
		now.cq = 5;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_352_0;
S_351_3: /* 3 */
S_317_0: /* 2 */
		if (!((((((int)now.rcv)==1)&&(((int)now.c_dl)!=0))&&(((int)now.fT)==1))))
			goto S_351_4;
S_318_0: /* 2 */
		now.cq = 9;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_352_0;
S_351_4: /* 3 */
S_319_0: /* 2 */
		if (!((((((int)now.rcv)==1)&&(((int)now.c_dl)!=0))&&(((int)now.fT)==3))))
			goto S_351_5;
S_320_0: /* 2 */
		now.cq = 11;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_352_0;
S_351_5: /* 3 */
S_321_0: /* 2 */
		if (!((((((int)now.rcv)==1)&&(((int)now.c_dl)!=0))&&(((int)now.fT)==5))))
			goto S_351_6;
S_322_0: /* 2 */
		now.cq = 14;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_352_0;
S_351_6: /* 3 */
S_323_0: /* 2 */
		if (!((((((int)now.rcv)==1)&&(((int)now.c_dl)!=0))&&(((int)now.fT)==2))))
			goto S_351_7;
S_324_0: /* 2 */
		now.cq = 10;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_352_0;
S_351_7: /* 3 */
S_325_0: /* 2 */
		if (!((((((((int)now.rcv)==1)&&(((int)now.c_dl)!=0))&&(((int)now.fT)==4))&&((int)now.c_out))&&(((int)now.c_ctr)==1))))
			goto S_351_8;
S_326_0: /* 2 */
		now.cq = 13;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_352_0;
S_351_8: /* 3 */
S_327_0: /* 2 */
		if (!(((((((int)now.rcv)==1)&&(((int)now.c_dl)!=0))&&(((int)now.fT)==4))&& !((((int)now.c_out)&&(((int)now.c_ctr)==1))))))
			goto S_351_9;
S_328_0: /* 2 */
		now.cq = 12;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_352_0;
S_351_9: /* 3 */
S_329_0: /* 2 */
		if (!((((((int)now.rcv)==1)&&(((int)now.c_dl)!=0))&&(((int)now.fT)==6))))
			goto S_351_10;
S_330_0: /* 2 */
		now.cq = 15;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_352_0;
S_351_10: /* 3 */
S_331_0: /* 2 */
		if (!(((((int)now.rcv)==0)&&(((int)now.k_to)==0))))
			goto S_351_11;
S_332_0: /* 2 */
		now.kq = 9;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_352_0;
S_351_11: /* 3 */
S_333_0: /* 2 */
		if (!((((((int)now.rcv)==0)&&(((int)now.k_to)!=0))&&(((int)now.fT)==7))))
			goto S_351_12;
S_334_0: /* 2 */
		now.kq = 7;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_352_0;
S_351_12: /* 3 */
S_335_0: /* 2 */
		if (!((((((int)now.rcv)==0)&&(((int)now.k_to)!=0))&&(((int)now.fT)==8))))
			goto S_351_13;
S_336_0: /* 2 */
		now.kq = 8;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_352_0;
S_351_13: /* 3 */
S_337_0: /* 2 */
		if (!((((((int)now.rcv)==0)&&(((int)now.k_to)!=0))&&(((int)now.fT)==1))))
			goto S_351_14;
S_338_0: /* 2 */
		now.kq = 0;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_352_0;
S_351_14: /* 3 */
S_339_0: /* 2 */
		if (!((((((((int)now.rcv)==0)&&(((int)now.k_to)!=0))&&(((int)now.fT)==3))&&((int)now.k_keys))&&(((int)now.k_ctr)==1))))
			goto S_351_15;
S_340_0: /* 2 */
		now.kq = 3;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_352_0;
S_351_15: /* 3 */
S_341_0: /* 2 */
		if (!(((((((int)now.rcv)==0)&&(((int)now.k_to)!=0))&&(((int)now.fT)==3))&& !((((int)now.k_keys)&&(((int)now.k_ctr)==1))))))
			goto S_351_16;
S_342_0: /* 2 */
		now.kq = 2;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_352_0;
S_351_16: /* 3 */
S_343_0: /* 2 */
		if (!((((((int)now.rcv)==0)&&(((int)now.k_to)!=0))&&(((int)now.fT)==5))))
			goto S_351_17;
S_344_0: /* 2 */
		now.kq = 5;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_352_0;
S_351_17: /* 3 */
S_345_0: /* 2 */
		if (!((((((int)now.rcv)==0)&&(((int)now.k_to)!=0))&&(((int)now.fT)==2))))
			goto S_351_18;
S_346_0: /* 2 */
		now.kq = 1;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_352_0;
S_351_18: /* 3 */
S_347_0: /* 2 */
		if (!((((((int)now.rcv)==0)&&(((int)now.k_to)!=0))&&(((int)now.fT)==4))))
			goto S_351_19;
S_348_0: /* 2 */
		now.kq = 4;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_352_0;
S_351_19: /* 3 */
S_349_0: /* 2 */
		if (!((((((int)now.rcv)==0)&&(((int)now.k_to)!=0))&&(((int)now.fT)==6))))
			goto S_351_20;
S_350_0: /* 2 */
		now.kq = 6;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_352_0;
S_351_20: /* 3 */
		Uerror("blocking sel in d_step (nr.1, near line 953)");
S_352_0: /* 2 */
		goto S_356_0;
S_355_1: /* 3 */
S_354_0: /* 2 */
		/* else */;
		goto S_356_0;
S_355_2: /* 3 */
		Uerror("blocking sel in d_step (nr.2, near line 1066)");
S_356_0: /* 2 */
		goto S_2830_0;
S_2830_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 32: // STATE 359 - kit/keycrypt_kit/model/generated/kcp1.pml:1067 - [(((((c_tx!=0)||(k_tx!=0))||c_hup)||k_hup))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][359] = 1;
		if (!(((((((int)now.c_tx)!=0)||(((int)now.k_tx)!=0))||((int)now.c_hup))||((int)now.k_hup))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 33: // STATE 467 - kit/keycrypt_kit/model/generated/kcp1.pml:1067 - [D_STEP1067]
		if (!(((boq == -1 && (((int)now.c_tx)!=0))) || ((boq == -1 && ((((int)now.c_tx)==0)&&(((int)now.k_tx)!=0)))) || ((boq == -1 && (((((int)now.c_tx)==0)&&(((int)now.k_tx)==0))&&((int)now.c_hup)))) || ((boq == -1 && ((((((int)now.c_tx)==0)&&(((int)now.k_tx)==0))&& !(((int)now.c_hup)))&&((int)now.k_hup))))))
			continue;

		reached[0][467] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_375_0: /* 2 */
S_359_0: /* 2 */
		if (!((((int)now.c_tx)!=0)))
			goto S_375_1;
S_360_0: /* 2 */
		now.sd = 0;
#ifdef VAR_RANGES
		logval("sd", ((int)now.sd));
#endif
		;
S_361_0: /* 2 */
		now.sf = ((int)now.c_tx);
#ifdef VAR_RANGES
		logval("sf", ((int)now.sf));
#endif
		;
S_362_0: /* 2 */
		now.c_tx = 0;
#ifdef VAR_RANGES
		logval("c_tx", ((int)now.c_tx));
#endif
		;
		goto S_376_0;
S_375_1: /* 3 */
S_363_0: /* 2 */
		if (!(((((int)now.c_tx)==0)&&(((int)now.k_tx)!=0))))
			goto S_375_2;
S_364_0: /* 2 */
		now.sd = 1;
#ifdef VAR_RANGES
		logval("sd", ((int)now.sd));
#endif
		;
S_365_0: /* 2 */
		now.sf = ((int)now.k_tx);
#ifdef VAR_RANGES
		logval("sf", ((int)now.sf));
#endif
		;
S_366_0: /* 2 */
		now.k_tx = 0;
#ifdef VAR_RANGES
		logval("k_tx", ((int)now.k_tx));
#endif
		;
		goto S_376_0;
S_375_2: /* 3 */
S_367_0: /* 2 */
		if (!((((((int)now.c_tx)==0)&&(((int)now.k_tx)==0))&&((int)now.c_hup))))
			goto S_375_3;
S_368_0: /* 2 */
		now.sd = 0;
#ifdef VAR_RANGES
		logval("sd", ((int)now.sd));
#endif
		;
S_369_0: /* 2 */
		now.sf = 53;
#ifdef VAR_RANGES
		logval("sf", ((int)now.sf));
#endif
		;
S_370_0: /* 2 */
		now.c_hup = 0;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
		goto S_376_0;
S_375_3: /* 3 */
S_371_0: /* 2 */
		if (!(((((((int)now.c_tx)==0)&&(((int)now.k_tx)==0))&& !(((int)now.c_hup)))&&((int)now.k_hup))))
			goto S_375_4;
S_372_0: /* 2 */
		now.sd = 1;
#ifdef VAR_RANGES
		logval("sd", ((int)now.sd));
#endif
		;
S_373_0: /* 2 */
		now.sf = 53;
#ifdef VAR_RANGES
		logval("sf", ((int)now.sf));
#endif
		;
S_374_0: /* 2 */
		now.k_hup = 0;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
		goto S_376_0;
S_375_4: /* 3 */
		Uerror("blocking sel in d_step (nr.3, near line 1067)");
S_376_0: /* 2 */
S_464_0: /* 2 */
S_377_0: /* 2 */
		if (!(((((int)now.sd)==0)&& !(((int)now.c_conn)))))
			goto S_464_1;
S_378_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_465_0;
S_464_1: /* 3 */
S_379_0: /* 2 */
		if (!(((((int)now.sd)==1)&& !(((int)now.k_conn)))))
			goto S_464_2;
S_380_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_465_0;
S_464_2: /* 3 */
S_381_0: /* 2 */
		/* else */;
S_463_0: /* 2 */
S_390_0: /* 2 */
S_388_0: /* 2 */
S_382_0: /* 2 */
		if (!((((int)now.sf)<31)))
			goto S_388_1;
S_383_0: /* 2 */
		now.kn0 = (now.kn0|(1<<((int)now.sf)));
#ifdef VAR_RANGES
		logval("kn0", now.kn0);
#endif
		;
		goto S_389_0;
S_388_1: /* 3 */
S_384_0: /* 2 */
		if (!(((((int)now.sf)>=31)&&(((int)now.sf)<62))))
			goto S_388_2;
S_385_0: /* 2 */
		now.kn1 = (now.kn1|(1<<(((int)now.sf)-31)));
#ifdef VAR_RANGES
		logval("kn1", now.kn1);
#endif
		;
		goto S_389_0;
S_388_2: /* 3 */
S_386_0: /* 2 */
		/* else */;
S_387_0: /* 2 */
		now.kn2 = (now.kn2|(1<<(((int)now.sf)-62)));
#ifdef VAR_RANGES
		logval("kn2", now.kn2);
#endif
		;
		goto S_389_0;
S_388_3: /* 3 */
		Uerror("blocking sel in d_step (nr.4, near line 235)");
S_389_0: /* 2 */
		goto S_391_0;
S_391_0: /* 2 */
		Printf("@send %d %d\n", ((int)now.sd), ((int)now.sf));
S_461_0: /* 2 */
S_392_0: /* 2 */
		if (!(((((int)now.sd)==0)&& !(((int)now.taint0)))))
			goto S_461_1;
S_396_0: /* 2 */
S_393_0: /* 2 */
		if (!((q_len(now.q0)==0)))
			goto S_396_1;
S_394_0: /* 2 */
		now.hage0 = 0;
#ifdef VAR_RANGES
		logval("hage0", ((int)now.hage0));
#endif
		;
		goto S_397_0;
S_396_1: /* 3 */
S_395_0: /* 2 */
		/* else */;
		goto S_397_0;
S_396_2: /* 3 */
		Uerror("blocking sel in d_step (nr.5, near line 247)");
S_397_0: /* 2 */
S_424_0: /* 2 */
S_398_0: /* 2 */
		if (!((q_len(now.q0)<3)))
			goto S_424_1;
S_399_0: /* 2 */
		if (q_full(now.q0))
			Uerror("block in d_step seq");
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[64];
			sprintf(simvals, "%d!", now.q0);
		sprintf(simtmp, "%d", ((int)now.sf)); strcat(simvals, simtmp);		}
#endif
		
		qsend(now.q0, 0, ((int)now.sf), 1);
		goto S_425_0;
S_424_1: /* 3 */
S_400_0: /* 2 */
		/* else */;
S_423_0: /* 2 */
S_419_0: /* 2 */
S_401_0: /* 2 */
		if (!((0==0)))
			goto S_419_1;
S_402_0: /* 2 */
		now.taint0 = 1;
#ifdef VAR_RANGES
		logval("taint0", ((int)now.taint0));
#endif
		;
S_408_0: /* 2 */
S_407_0: /* 2 */
S_403_0: /* 2 */
		if (!((q_len(now.q0)>0)))
			goto S_407_1;
S_404_0: /* 2 */
		if (q_len(now.q0) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q0, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q0);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_408_0; /* ';' */
S_407_1: /* 3 */
S_405_0: /* 2 */
		if (!((q_len(now.q0)==0)))
			goto S_407_2;
S_406_0: /* 2 */
		goto S_421_0;	/* 'goto' */
S_407_2: /* 3 */
		Uerror("blocking sel in d_step (nr.6, near line 242)");
S_409_0: /* 2 */
		goto S_421_0;	/* 'break' */
		goto S_420_0;
S_419_1: /* 3 */
S_410_0: /* 2 */
		/* else */;
S_411_0: /* 2 */
		now.taint1 = 1;
#ifdef VAR_RANGES
		logval("taint1", ((int)now.taint1));
#endif
		;
S_417_0: /* 2 */
S_416_0: /* 2 */
S_412_0: /* 2 */
		if (!((q_len(now.q1)>0)))
			goto S_416_1;
S_413_0: /* 2 */
		if (q_len(now.q1) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q1, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q1);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_417_0; /* ';' */
S_416_1: /* 3 */
S_414_0: /* 2 */
		if (!((q_len(now.q1)==0)))
			goto S_416_2;
S_415_0: /* 2 */
		goto S_421_0;	/* 'goto' */
		goto S_417_0; /* ';' */
S_416_2: /* 3 */
		Uerror("blocking sel in d_step (nr.7, near line 243)");
S_418_0: /* 2 */
		goto S_421_0;	/* 'break' */
		goto S_420_0;
S_419_2: /* 3 */
		Uerror("blocking sel in d_step (nr.8, near line 242)");
S_420_0: /* 2 */
S_421_0: /* 2 */
		now.hage0 = 0;
#ifdef VAR_RANGES
		logval("hage0", ((int)now.hage0));
#endif
		;
S_422_0: /* 2 */
		now.hage1 = 0;
#ifdef VAR_RANGES
		logval("hage1", ((int)now.hage1));
#endif
		;
		goto S_425_0;
		goto S_425_0;
S_424_2: /* 3 */
		Uerror("blocking sel in d_step (nr.9, near line 248)");
S_425_0: /* 2 */
		goto S_462_0;
S_461_1: /* 3 */
S_426_0: /* 2 */
		if (!(((((int)now.sd)==1)&& !(((int)now.taint1)))))
			goto S_461_2;
S_430_0: /* 2 */
S_427_0: /* 2 */
		if (!((q_len(now.q1)==0)))
			goto S_430_1;
S_428_0: /* 2 */
		now.hage1 = 0;
#ifdef VAR_RANGES
		logval("hage1", ((int)now.hage1));
#endif
		;
		goto S_431_0;
S_430_1: /* 3 */
S_429_0: /* 2 */
		/* else */;
		goto S_431_0;
S_430_2: /* 3 */
		Uerror("blocking sel in d_step (nr.10, near line 249)");
S_431_0: /* 2 */
S_458_0: /* 2 */
S_432_0: /* 2 */
		if (!((q_len(now.q1)<3)))
			goto S_458_1;
S_433_0: /* 2 */
		if (q_full(now.q1))
			Uerror("block in d_step seq");
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[64];
			sprintf(simvals, "%d!", now.q1);
		sprintf(simtmp, "%d", ((int)now.sf)); strcat(simvals, simtmp);		}
#endif
		
		qsend(now.q1, 0, ((int)now.sf), 1);
		goto S_459_0;
S_458_1: /* 3 */
S_434_0: /* 2 */
		/* else */;
S_457_0: /* 2 */
S_453_0: /* 2 */
S_435_0: /* 2 */
		if (!((1==0)))
			goto S_453_1;
S_436_0: /* 2 */
		now.taint0 = 1;
#ifdef VAR_RANGES
		logval("taint0", ((int)now.taint0));
#endif
		;
S_442_0: /* 2 */
S_441_0: /* 2 */
S_437_0: /* 2 */
		if (!((q_len(now.q0)>0)))
			goto S_441_1;
S_438_0: /* 2 */
		if (q_len(now.q0) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q0, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q0);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_442_0; /* ';' */
S_441_1: /* 3 */
S_439_0: /* 2 */
		if (!((q_len(now.q0)==0)))
			goto S_441_2;
S_440_0: /* 2 */
		goto S_455_0;	/* 'goto' */
S_441_2: /* 3 */
		Uerror("blocking sel in d_step (nr.11, near line 242)");
S_443_0: /* 2 */
		goto S_455_0;	/* 'break' */
		goto S_454_0;
S_453_1: /* 3 */
S_444_0: /* 2 */
		/* else */;
S_445_0: /* 2 */
		now.taint1 = 1;
#ifdef VAR_RANGES
		logval("taint1", ((int)now.taint1));
#endif
		;
S_451_0: /* 2 */
S_450_0: /* 2 */
S_446_0: /* 2 */
		if (!((q_len(now.q1)>0)))
			goto S_450_1;
S_447_0: /* 2 */
		if (q_len(now.q1) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q1, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q1);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_451_0; /* ';' */
S_450_1: /* 3 */
S_448_0: /* 2 */
		if (!((q_len(now.q1)==0)))
			goto S_450_2;
S_449_0: /* 2 */
		goto S_455_0;	/* 'goto' */
		goto S_451_0; /* ';' */
S_450_2: /* 3 */
		Uerror("blocking sel in d_step (nr.12, near line 243)");
S_452_0: /* 2 */
		goto S_455_0;	/* 'break' */
		goto S_454_0;
S_453_2: /* 3 */
		Uerror("blocking sel in d_step (nr.13, near line 242)");
S_454_0: /* 2 */
S_455_0: /* 2 */
		now.hage0 = 0;
#ifdef VAR_RANGES
		logval("hage0", ((int)now.hage0));
#endif
		;
S_456_0: /* 2 */
		now.hage1 = 0;
#ifdef VAR_RANGES
		logval("hage1", ((int)now.hage1));
#endif
		;
		goto S_459_0;
		goto S_459_0;
S_458_2: /* 3 */
		Uerror("blocking sel in d_step (nr.14, near line 250)");
S_459_0: /* 2 */
		goto S_462_0;
S_461_2: /* 3 */
S_460_0: /* 2 */
		/* else */;
		goto S_462_0;
S_461_3: /* 3 */
		Uerror("blocking sel in d_step (nr.15, near line 247)");
S_462_0: /* 2 */
		goto S_465_0;
		goto S_465_0;
S_464_3: /* 3 */
		Uerror("blocking sel in d_step (nr.16, near line 1067)");
S_465_0: /* 2 */
		goto S_2830_0; /* '.' */
		goto S_2830_0; /* ';' */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 34: // STATE 468 - kit/keycrypt_kit/model/generated/kcp1.pml:1067 - [((!(((((c_tx!=0)||(k_tx!=0))||c_hup)||k_hup))&&(dq!=255)))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][468] = 1;
		if (!(( !(((((((int)now.c_tx)!=0)||(((int)now.k_tx)!=0))||((int)now.c_hup))||((int)now.k_hup)))&&(((int)now.dq)!=255))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 35: // STATE 1413 - kit/keycrypt_kit/model/generated/kcp1.pml:1067 - [D_STEP1067]
		if (!(((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==0)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==1)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==2)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==3)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==4)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==5)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==6)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==7)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==8)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==9)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==10)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==11)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==12)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==0)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==1)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==2)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==3)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==4)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==5)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==6)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==7)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==8)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==9)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==10)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==11)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==12)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==0)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==1)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==2)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==3)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==4)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==5)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==6)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==7)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==8)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==9)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==10)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==11)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==12)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==0)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==1)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==2)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==3)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==4)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==5)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==6)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==7)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==8)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==9)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==10)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==11)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==12)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==0)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==1)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==2)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==3)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==4)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==5)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==6)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==7)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==8)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==9)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==10)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==11)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==12)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==0)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==1)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==2)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==3)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==4)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==5)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==6)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==7)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==8)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==9)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==10)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==11)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==12)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==0)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==1)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==2)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==3)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==4)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==5)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==6)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==7)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==8)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==9)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==10)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==11)))) || ((boq == -1 && ((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==12))))))
			continue;

		reached[0][1413] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_1409_0: /* 2 */
S_468_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==0))))
			goto S_1409_1;
S_469_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 0, 1);
S_475_0: /* 2 */
S_470_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_475_1;
S_471_0: /* 2 */
		Printf("@violation %d\n", 8);
S_472_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_476_0;
S_475_1: /* 3 */
S_473_0: /* 2 */
		/* else */;
S_474_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_476_0;
S_475_2: /* 3 */
		Uerror("blocking sel in d_step (nr.17, near line 1067)");
S_476_0: /* 2 */
S_477_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_478_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_479_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_480_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_481_0: /* 2 */
		now.accepting = 1;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_482_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_483_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_484_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_485_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_1: /* 3 */
S_486_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==1))))
			goto S_1409_2;
S_487_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 1, 1);
S_493_0: /* 2 */
S_488_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_493_1;
S_489_0: /* 2 */
		Printf("@violation %d\n", 8);
S_490_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_494_0;
S_493_1: /* 3 */
S_491_0: /* 2 */
		/* else */;
S_492_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_494_0;
S_493_2: /* 3 */
		Uerror("blocking sel in d_step (nr.18, near line 1067)");
S_494_0: /* 2 */
S_495_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_496_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_497_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_498_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_499_0: /* 2 */
		now.accepting = 1;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_500_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_501_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_502_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_503_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_2: /* 3 */
S_504_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==2))))
			goto S_1409_3;
S_505_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 2, 2);
S_511_0: /* 2 */
S_506_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_511_1;
S_507_0: /* 2 */
		Printf("@violation %d\n", 8);
S_508_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_512_0;
S_511_1: /* 3 */
S_509_0: /* 2 */
		/* else */;
S_510_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_512_0;
S_511_2: /* 3 */
		Uerror("blocking sel in d_step (nr.19, near line 1067)");
S_512_0: /* 2 */
S_513_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_514_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_515_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_516_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_517_0: /* 2 */
		now.accepting = 1;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_518_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_519_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_520_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_521_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_3: /* 3 */
S_522_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==3))))
			goto S_1409_4;
S_523_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 3, 0);
S_527_0: /* 2 */
S_524_0: /* 2 */
		if (!((((int)now.fl[ Index(((int)now.cp), 2) ])<6)))
			goto S_527_1;
S_525_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = (((int)now.fl[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_528_0;
S_527_1: /* 3 */
S_526_0: /* 2 */
		/* else */;
		goto S_528_0;
S_527_2: /* 3 */
		Uerror("blocking sel in d_step (nr.20, near line 1067)");
S_528_0: /* 2 */
S_529_0: /* 2 */
		lk[ Index(now.cp, 2) ] = ( ((((int)now.fl[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_533_0: /* 2 */
S_530_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_533_1;
S_531_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_534_0;
S_533_1: /* 3 */
S_532_0: /* 2 */
		/* else */;
		goto S_534_0;
S_533_2: /* 3 */
		Uerror("blocking sel in d_step (nr.21, near line 1067)");
S_534_0: /* 2 */
S_535_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_536_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_537_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_538_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_4: /* 3 */
S_539_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==4))))
			goto S_1409_5;
S_540_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 4, 0);
S_544_0: /* 2 */
S_541_0: /* 2 */
		if (!((((int)now.fl[ Index(((int)now.cp), 2) ])<6)))
			goto S_544_1;
S_542_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = (((int)now.fl[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_545_0;
S_544_1: /* 3 */
S_543_0: /* 2 */
		/* else */;
		goto S_545_0;
S_544_2: /* 3 */
		Uerror("blocking sel in d_step (nr.22, near line 1067)");
S_545_0: /* 2 */
S_546_0: /* 2 */
		lk[ Index(now.cp, 2) ] = ( ((((int)now.fl[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_550_0: /* 2 */
S_547_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_550_1;
S_548_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_551_0;
S_550_1: /* 3 */
S_549_0: /* 2 */
		/* else */;
		goto S_551_0;
S_550_2: /* 3 */
		Uerror("blocking sel in d_step (nr.23, near line 1067)");
S_551_0: /* 2 */
S_552_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_553_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_554_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_555_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_5: /* 3 */
S_556_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==5))))
			goto S_1409_6;
S_557_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 5, 0);
S_561_0: /* 2 */
S_558_0: /* 2 */
		if (!((((int)now.fl[ Index(((int)now.cp), 2) ])<6)))
			goto S_561_1;
S_559_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = (((int)now.fl[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_562_0;
S_561_1: /* 3 */
S_560_0: /* 2 */
		/* else */;
		goto S_562_0;
S_561_2: /* 3 */
		Uerror("blocking sel in d_step (nr.24, near line 1067)");
S_562_0: /* 2 */
S_563_0: /* 2 */
		lk[ Index(now.cp, 2) ] = ( ((((int)now.fl[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_567_0: /* 2 */
S_564_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_567_1;
S_565_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_568_0;
S_567_1: /* 3 */
S_566_0: /* 2 */
		/* else */;
		goto S_568_0;
S_567_2: /* 3 */
		Uerror("blocking sel in d_step (nr.25, near line 1067)");
S_568_0: /* 2 */
S_569_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_570_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_571_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_572_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_6: /* 3 */
S_573_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==6))))
			goto S_1409_7;
S_574_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 6, 0);
S_578_0: /* 2 */
S_575_0: /* 2 */
		if (!((((int)now.fl[ Index(((int)now.cp), 2) ])<6)))
			goto S_578_1;
S_576_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = (((int)now.fl[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_579_0;
S_578_1: /* 3 */
S_577_0: /* 2 */
		/* else */;
		goto S_579_0;
S_578_2: /* 3 */
		Uerror("blocking sel in d_step (nr.26, near line 1067)");
S_579_0: /* 2 */
S_580_0: /* 2 */
		lk[ Index(now.cp, 2) ] = ( ((((int)now.fl[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_584_0: /* 2 */
S_581_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_584_1;
S_582_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_585_0;
S_584_1: /* 3 */
S_583_0: /* 2 */
		/* else */;
		goto S_585_0;
S_584_2: /* 3 */
		Uerror("blocking sel in d_step (nr.27, near line 1067)");
S_585_0: /* 2 */
S_586_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_587_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_588_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_589_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_7: /* 3 */
S_590_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==7))))
			goto S_1409_8;
S_591_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 7, 0);
S_592_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+9);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_593_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_594_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_8: /* 3 */
S_595_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==8))))
			goto S_1409_9;
S_596_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 8, 0);
S_600_0: /* 2 */
S_597_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_600_1;
S_598_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_601_0;
S_600_1: /* 3 */
S_599_0: /* 2 */
		/* else */;
		goto S_601_0;
S_600_2: /* 3 */
		Uerror("blocking sel in d_step (nr.28, near line 1067)");
S_601_0: /* 2 */
S_602_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_603_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_604_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_605_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_9: /* 3 */
S_606_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==9))))
			goto S_1409_10;
S_607_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 9, 0);
S_608_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+11);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_609_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_610_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_10: /* 3 */
S_611_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==10))))
			goto S_1409_11;
S_612_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 10, 0);
S_614_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_615_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_11: /* 3 */
S_616_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==11))))
			goto S_1409_12;
S_617_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 11, 0);
S_618_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_619_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_12: /* 3 */
S_620_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==0)&&(((int)now.dq)==12))))
			goto S_1409_13;
S_621_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 0, 12, 0);
S_623_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_624_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_13: /* 3 */
S_625_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==0))))
			goto S_1409_14;
S_626_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 0, 2);
S_632_0: /* 2 */
S_627_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_632_1;
S_628_0: /* 2 */
		Printf("@violation %d\n", 8);
S_629_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_633_0;
S_632_1: /* 3 */
S_630_0: /* 2 */
		/* else */;
S_631_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_633_0;
S_632_2: /* 3 */
		Uerror("blocking sel in d_step (nr.29, near line 1067)");
S_633_0: /* 2 */
S_634_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_635_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_636_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_637_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_638_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_639_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_640_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_641_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_14: /* 3 */
S_642_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==1))))
			goto S_1409_15;
S_643_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 1, 1);
S_649_0: /* 2 */
S_644_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_649_1;
S_645_0: /* 2 */
		Printf("@violation %d\n", 8);
S_646_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_650_0;
S_649_1: /* 3 */
S_647_0: /* 2 */
		/* else */;
S_648_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_650_0;
S_649_2: /* 3 */
		Uerror("blocking sel in d_step (nr.30, near line 1067)");
S_650_0: /* 2 */
S_651_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_652_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_653_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_654_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_655_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_656_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_15: /* 3 */
S_657_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==2))))
			goto S_1409_16;
S_658_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 2, 2);
S_664_0: /* 2 */
S_659_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_664_1;
S_660_0: /* 2 */
		Printf("@violation %d\n", 8);
S_661_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_665_0;
S_664_1: /* 3 */
S_662_0: /* 2 */
		/* else */;
S_663_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_665_0;
S_664_2: /* 3 */
		Uerror("blocking sel in d_step (nr.31, near line 1067)");
S_665_0: /* 2 */
S_666_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_667_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_668_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_669_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_670_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_671_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_672_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_673_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_16: /* 3 */
S_674_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==3))))
			goto S_1409_17;
S_675_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 3, 1);
S_679_0: /* 2 */
S_676_0: /* 2 */
		if (!((((int)now.fl[ Index(((int)now.cp), 2) ])<6)))
			goto S_679_1;
S_677_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = (((int)now.fl[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_680_0;
S_679_1: /* 3 */
S_678_0: /* 2 */
		/* else */;
		goto S_680_0;
S_679_2: /* 3 */
		Uerror("blocking sel in d_step (nr.32, near line 1067)");
S_680_0: /* 2 */
S_681_0: /* 2 */
		lk[ Index(now.cp, 2) ] = ( ((((int)now.fl[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_685_0: /* 2 */
S_682_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_685_1;
S_683_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_686_0;
S_685_1: /* 3 */
S_684_0: /* 2 */
		/* else */;
		goto S_686_0;
S_685_2: /* 3 */
		Uerror("blocking sel in d_step (nr.33, near line 1067)");
S_686_0: /* 2 */
S_687_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_688_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_689_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_690_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_17: /* 3 */
S_691_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==4))))
			goto S_1409_18;
S_692_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 4, 6);
S_693_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_694_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_695_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_696_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_697_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_698_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_18: /* 3 */
S_699_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==5))))
			goto S_1409_19;
S_700_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 5, 5);
S_701_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_702_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_703_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_704_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_705_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_19: /* 3 */
S_706_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==6))))
			goto S_1409_20;
S_707_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 6, 6);
S_708_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_709_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_710_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_711_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_712_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_713_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_20: /* 3 */
S_714_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==7))))
			goto S_1409_21;
S_715_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 7, 1);
S_716_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+9);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_717_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_718_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_21: /* 3 */
S_719_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==8))))
			goto S_1409_22;
S_720_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 8, 1);
S_724_0: /* 2 */
S_721_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_724_1;
S_722_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_725_0;
S_724_1: /* 3 */
S_723_0: /* 2 */
		/* else */;
		goto S_725_0;
S_724_2: /* 3 */
		Uerror("blocking sel in d_step (nr.34, near line 1067)");
S_725_0: /* 2 */
S_726_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_727_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_728_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_729_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_22: /* 3 */
S_730_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==9))))
			goto S_1409_23;
S_731_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 9, 1);
S_732_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_733_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_23: /* 3 */
S_734_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==10))))
			goto S_1409_24;
S_735_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 10, 3);
S_736_0: /* 2 */
		now.accepting = 0;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_737_0: /* 2 */
		dr[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("dr[cp]", ((int)dr[ Index(((int)now.cp), 2) ]));
#endif
		;
S_738_0: /* 2 */
		now.k_drop = 1;
#ifdef VAR_RANGES
		logval("k_drop", ((int)now.k_drop));
#endif
		;
S_739_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+4);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_740_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+10);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_741_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 3;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_742_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_24: /* 3 */
S_743_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==11))))
			goto S_1409_25;
S_744_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 11, 1);
S_745_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_746_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_25: /* 3 */
S_747_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==1)&&(((int)now.dq)==12))))
			goto S_1409_26;
S_748_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 1, 12, 4);
S_749_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+5);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_750_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 4;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_751_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_26: /* 3 */
S_752_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==0))))
			goto S_1409_27;
S_753_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 0, 2);
S_759_0: /* 2 */
S_754_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_759_1;
S_755_0: /* 2 */
		Printf("@violation %d\n", 8);
S_756_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_760_0;
S_759_1: /* 3 */
S_757_0: /* 2 */
		/* else */;
S_758_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_760_0;
S_759_2: /* 3 */
		Uerror("blocking sel in d_step (nr.35, near line 1067)");
S_760_0: /* 2 */
S_761_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_762_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_763_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_764_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_765_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_766_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_767_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_27: /* 3 */
S_768_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==1))))
			goto S_1409_28;
S_769_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 1, 1);
S_775_0: /* 2 */
S_770_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_775_1;
S_771_0: /* 2 */
		Printf("@violation %d\n", 8);
S_772_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_776_0;
S_775_1: /* 3 */
S_773_0: /* 2 */
		/* else */;
S_774_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_776_0;
S_775_2: /* 3 */
		Uerror("blocking sel in d_step (nr.36, near line 1067)");
S_776_0: /* 2 */
S_777_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_778_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_779_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_780_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_781_0: /* 2 */
		wn[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_782_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_783_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_784_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_785_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_28: /* 3 */
S_786_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==2))))
			goto S_1409_29;
S_787_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 2, 2);
S_793_0: /* 2 */
S_788_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_793_1;
S_789_0: /* 2 */
		Printf("@violation %d\n", 8);
S_790_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_794_0;
S_793_1: /* 3 */
S_791_0: /* 2 */
		/* else */;
S_792_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_794_0;
S_793_2: /* 3 */
		Uerror("blocking sel in d_step (nr.37, near line 1067)");
S_794_0: /* 2 */
S_795_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_796_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_797_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_798_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_799_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_800_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_801_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_29: /* 3 */
S_802_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==3))))
			goto S_1409_30;
S_803_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 3, 2);
S_807_0: /* 2 */
S_804_0: /* 2 */
		if (!((((int)now.fl[ Index(((int)now.cp), 2) ])<6)))
			goto S_807_1;
S_805_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = (((int)now.fl[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_808_0;
S_807_1: /* 3 */
S_806_0: /* 2 */
		/* else */;
		goto S_808_0;
S_807_2: /* 3 */
		Uerror("blocking sel in d_step (nr.38, near line 1067)");
S_808_0: /* 2 */
S_809_0: /* 2 */
		lk[ Index(now.cp, 2) ] = ( ((((int)now.fl[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_813_0: /* 2 */
S_810_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_813_1;
S_811_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_814_0;
S_813_1: /* 3 */
S_812_0: /* 2 */
		/* else */;
		goto S_814_0;
S_813_2: /* 3 */
		Uerror("blocking sel in d_step (nr.39, near line 1067)");
S_814_0: /* 2 */
S_815_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_816_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_817_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_818_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_30: /* 3 */
S_819_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==4))))
			goto S_1409_31;
S_820_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 4, 6);
S_821_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_822_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_823_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_824_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_825_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_826_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_31: /* 3 */
S_827_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==5))))
			goto S_1409_32;
S_828_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 5, 5);
S_829_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_830_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_831_0: /* 2 */
		wn[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_832_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_833_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_834_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_835_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_32: /* 3 */
S_836_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==6))))
			goto S_1409_33;
S_837_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 6, 6);
S_838_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_839_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_840_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_841_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_842_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_843_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_33: /* 3 */
S_844_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==7))))
			goto S_1409_34;
S_845_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 7, 2);
S_846_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+9);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_847_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_848_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_34: /* 3 */
S_849_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==8))))
			goto S_1409_35;
S_850_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 8, 2);
S_854_0: /* 2 */
S_851_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_854_1;
S_852_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_855_0;
S_854_1: /* 3 */
S_853_0: /* 2 */
		/* else */;
		goto S_855_0;
S_854_2: /* 3 */
		Uerror("blocking sel in d_step (nr.40, near line 1067)");
S_855_0: /* 2 */
S_856_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_857_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_858_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_859_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_35: /* 3 */
S_860_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==9))))
			goto S_1409_36;
S_861_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 9, 1);
S_862_0: /* 2 */
		wn[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_863_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_864_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_865_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_866_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_36: /* 3 */
S_867_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==10))))
			goto S_1409_37;
S_868_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 10, 2);
S_870_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_871_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_37: /* 3 */
S_872_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==11))))
			goto S_1409_38;
S_873_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 11, 1);
S_874_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_875_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_876_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_877_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_38: /* 3 */
S_878_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==2)&&(((int)now.dq)==12))))
			goto S_1409_39;
S_879_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 2, 12, 4);
S_880_0: /* 2 */
		wn[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_881_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+5);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_882_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 4;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_883_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_39: /* 3 */
S_884_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==0))))
			goto S_1409_40;
S_885_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 0, 1);
S_891_0: /* 2 */
S_886_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_891_1;
S_887_0: /* 2 */
		Printf("@violation %d\n", 8);
S_888_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_892_0;
S_891_1: /* 3 */
S_889_0: /* 2 */
		/* else */;
S_890_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_892_0;
S_891_2: /* 3 */
		Uerror("blocking sel in d_step (nr.41, near line 1067)");
S_892_0: /* 2 */
S_893_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_894_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_895_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_896_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_897_0: /* 2 */
		now.accepting = 1;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_898_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_899_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_900_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_901_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_40: /* 3 */
S_902_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==1))))
			goto S_1409_41;
S_903_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 1, 1);
S_909_0: /* 2 */
S_904_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_909_1;
S_905_0: /* 2 */
		Printf("@violation %d\n", 8);
S_906_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_910_0;
S_909_1: /* 3 */
S_907_0: /* 2 */
		/* else */;
S_908_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_910_0;
S_909_2: /* 3 */
		Uerror("blocking sel in d_step (nr.42, near line 1067)");
S_910_0: /* 2 */
S_911_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_912_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_913_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_914_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_915_0: /* 2 */
		now.accepting = 1;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_916_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_917_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_918_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_919_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_41: /* 3 */
S_920_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==2))))
			goto S_1409_42;
S_921_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 2, 2);
S_927_0: /* 2 */
S_922_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_927_1;
S_923_0: /* 2 */
		Printf("@violation %d\n", 8);
S_924_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_928_0;
S_927_1: /* 3 */
S_925_0: /* 2 */
		/* else */;
S_926_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_928_0;
S_927_2: /* 3 */
		Uerror("blocking sel in d_step (nr.43, near line 1067)");
S_928_0: /* 2 */
S_929_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_930_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_931_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_932_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_933_0: /* 2 */
		now.accepting = 1;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_934_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_935_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_936_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_937_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_42: /* 3 */
S_938_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==3))))
			goto S_1409_43;
S_939_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 3, 3);
S_943_0: /* 2 */
S_940_0: /* 2 */
		if (!((((int)now.fl[ Index(((int)now.cp), 2) ])<6)))
			goto S_943_1;
S_941_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = (((int)now.fl[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_944_0;
S_943_1: /* 3 */
S_942_0: /* 2 */
		/* else */;
		goto S_944_0;
S_943_2: /* 3 */
		Uerror("blocking sel in d_step (nr.44, near line 1067)");
S_944_0: /* 2 */
S_945_0: /* 2 */
		lk[ Index(now.cp, 2) ] = ( ((((int)now.fl[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_949_0: /* 2 */
S_946_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_949_1;
S_947_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_950_0;
S_949_1: /* 3 */
S_948_0: /* 2 */
		/* else */;
		goto S_950_0;
S_949_2: /* 3 */
		Uerror("blocking sel in d_step (nr.45, near line 1067)");
S_950_0: /* 2 */
S_951_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_952_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_953_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 3;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_954_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_43: /* 3 */
S_955_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==4))))
			goto S_1409_44;
S_956_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 4, 5);
S_957_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_958_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_959_0: /* 2 */
		now.accepting = 1;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_960_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_961_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_962_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_963_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_44: /* 3 */
S_964_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==5))))
			goto S_1409_45;
S_965_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 5, 5);
S_966_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_967_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_968_0: /* 2 */
		now.accepting = 1;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_969_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_970_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_971_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_972_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_45: /* 3 */
S_973_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==6))))
			goto S_1409_46;
S_974_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 6, 6);
S_975_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_976_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_977_0: /* 2 */
		now.accepting = 1;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_978_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_979_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_980_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_981_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_46: /* 3 */
S_982_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==7))))
			goto S_1409_47;
S_983_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 7, 3);
S_984_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+9);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_985_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 3;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_986_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_47: /* 3 */
S_987_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==8))))
			goto S_1409_48;
S_988_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 8, 3);
S_992_0: /* 2 */
S_989_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_992_1;
S_990_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_993_0;
S_992_1: /* 3 */
S_991_0: /* 2 */
		/* else */;
		goto S_993_0;
S_992_2: /* 3 */
		Uerror("blocking sel in d_step (nr.46, near line 1067)");
S_993_0: /* 2 */
S_994_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_995_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_996_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 3;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_997_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_48: /* 3 */
S_998_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==9))))
			goto S_1409_49;
S_999_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 9, 3);
S_1000_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+14);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1001_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 3;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1002_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_49: /* 3 */
S_1003_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==10))))
			goto S_1409_50;
S_1004_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 10, 3);
S_1006_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 3;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1007_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_50: /* 3 */
S_1008_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==11))))
			goto S_1409_51;
S_1009_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 11, 3);
S_1010_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 3;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1011_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_51: /* 3 */
S_1012_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==3)&&(((int)now.dq)==12))))
			goto S_1409_52;
S_1013_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 3, 12, 3);
S_1015_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 3;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1016_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_52: /* 3 */
S_1017_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==0))))
			goto S_1409_53;
S_1018_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 0, 1);
S_1024_0: /* 2 */
S_1019_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_1024_1;
S_1020_0: /* 2 */
		Printf("@violation %d\n", 8);
S_1021_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1025_0;
S_1024_1: /* 3 */
S_1022_0: /* 2 */
		/* else */;
S_1023_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1025_0;
S_1024_2: /* 3 */
		Uerror("blocking sel in d_step (nr.47, near line 1067)");
S_1025_0: /* 2 */
S_1026_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1027_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1028_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1029_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1030_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1031_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1032_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1033_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_53: /* 3 */
S_1034_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==1))))
			goto S_1409_54;
S_1035_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 1, 1);
S_1041_0: /* 2 */
S_1036_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_1041_1;
S_1037_0: /* 2 */
		Printf("@violation %d\n", 8);
S_1038_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1042_0;
S_1041_1: /* 3 */
S_1039_0: /* 2 */
		/* else */;
S_1040_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1042_0;
S_1041_2: /* 3 */
		Uerror("blocking sel in d_step (nr.48, near line 1067)");
S_1042_0: /* 2 */
S_1043_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1044_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1045_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1046_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1047_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1048_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1049_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1050_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_54: /* 3 */
S_1051_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==2))))
			goto S_1409_55;
S_1052_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 2, 2);
S_1058_0: /* 2 */
S_1053_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_1058_1;
S_1054_0: /* 2 */
		Printf("@violation %d\n", 8);
S_1055_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1059_0;
S_1058_1: /* 3 */
S_1056_0: /* 2 */
		/* else */;
S_1057_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1059_0;
S_1058_2: /* 3 */
		Uerror("blocking sel in d_step (nr.49, near line 1067)");
S_1059_0: /* 2 */
S_1060_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1061_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1062_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1063_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1064_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1065_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1066_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1067_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_55: /* 3 */
S_1068_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==3))))
			goto S_1409_56;
S_1069_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 3, 4);
S_1073_0: /* 2 */
S_1070_0: /* 2 */
		if (!((((int)now.fl[ Index(((int)now.cp), 2) ])<6)))
			goto S_1073_1;
S_1071_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = (((int)now.fl[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_1074_0;
S_1073_1: /* 3 */
S_1072_0: /* 2 */
		/* else */;
		goto S_1074_0;
S_1073_2: /* 3 */
		Uerror("blocking sel in d_step (nr.50, near line 1067)");
S_1074_0: /* 2 */
S_1075_0: /* 2 */
		lk[ Index(now.cp, 2) ] = ( ((((int)now.fl[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1079_0: /* 2 */
S_1076_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_1079_1;
S_1077_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_1080_0;
S_1079_1: /* 3 */
S_1078_0: /* 2 */
		/* else */;
		goto S_1080_0;
S_1079_2: /* 3 */
		Uerror("blocking sel in d_step (nr.51, near line 1067)");
S_1080_0: /* 2 */
S_1081_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1082_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1083_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 4;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1084_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_56: /* 3 */
S_1085_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==4))))
			goto S_1409_57;
S_1086_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 4, 5);
S_1087_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1088_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1089_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1090_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1091_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1092_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_57: /* 3 */
S_1093_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==5))))
			goto S_1409_58;
S_1094_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 5, 5);
S_1095_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1096_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1097_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1098_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1099_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1100_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_58: /* 3 */
S_1101_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==6))))
			goto S_1409_59;
S_1102_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 6, 6);
S_1103_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1104_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1105_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1106_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1107_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1108_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_59: /* 3 */
S_1109_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==7))))
			goto S_1409_60;
S_1110_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 7, 4);
S_1111_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+9);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1112_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 4;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1113_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_60: /* 3 */
S_1114_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==8))))
			goto S_1409_61;
S_1115_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 8, 4);
S_1119_0: /* 2 */
S_1116_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_1119_1;
S_1117_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_1120_0;
S_1119_1: /* 3 */
S_1118_0: /* 2 */
		/* else */;
		goto S_1120_0;
S_1119_2: /* 3 */
		Uerror("blocking sel in d_step (nr.52, near line 1067)");
S_1120_0: /* 2 */
S_1121_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1122_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1123_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 4;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1124_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_61: /* 3 */
S_1125_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==9))))
			goto S_1409_62;
S_1126_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 9, 4);
S_1127_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+15);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1128_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 4;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1129_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_62: /* 3 */
S_1130_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==10))))
			goto S_1409_63;
S_1131_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 10, 3);
S_1132_0: /* 2 */
		now.accepting = 0;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_1133_0: /* 2 */
		dr[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("dr[cp]", ((int)dr[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1134_0: /* 2 */
		now.k_drop = 1;
#ifdef VAR_RANGES
		logval("k_drop", ((int)now.k_drop));
#endif
		;
S_1135_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+4);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1136_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+10);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1137_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 3;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1138_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_63: /* 3 */
S_1139_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==11))))
			goto S_1409_64;
S_1140_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 11, 4);
S_1141_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 4;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1142_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_64: /* 3 */
S_1143_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==4)&&(((int)now.dq)==12))))
			goto S_1409_65;
S_1144_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 4, 12, 4);
S_1145_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 4;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1146_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_65: /* 3 */
S_1147_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==0))))
			goto S_1409_66;
S_1148_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 0, 2);
S_1154_0: /* 2 */
S_1149_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_1154_1;
S_1150_0: /* 2 */
		Printf("@violation %d\n", 8);
S_1151_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1155_0;
S_1154_1: /* 3 */
S_1152_0: /* 2 */
		/* else */;
S_1153_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1155_0;
S_1154_2: /* 3 */
		Uerror("blocking sel in d_step (nr.53, near line 1067)");
S_1155_0: /* 2 */
S_1156_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1157_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1158_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1159_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1160_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1161_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1162_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1163_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_66: /* 3 */
S_1164_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==1))))
			goto S_1409_67;
S_1165_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 1, 1);
S_1171_0: /* 2 */
S_1166_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_1171_1;
S_1167_0: /* 2 */
		Printf("@violation %d\n", 8);
S_1168_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1172_0;
S_1171_1: /* 3 */
S_1169_0: /* 2 */
		/* else */;
S_1170_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1172_0;
S_1171_2: /* 3 */
		Uerror("blocking sel in d_step (nr.54, near line 1067)");
S_1172_0: /* 2 */
S_1173_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1174_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1175_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1176_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1177_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1179_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1180_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_67: /* 3 */
S_1181_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==2))))
			goto S_1409_68;
S_1182_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 2, 2);
S_1188_0: /* 2 */
S_1183_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_1188_1;
S_1184_0: /* 2 */
		Printf("@violation %d\n", 8);
S_1185_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1189_0;
S_1188_1: /* 3 */
S_1186_0: /* 2 */
		/* else */;
S_1187_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1189_0;
S_1188_2: /* 3 */
		Uerror("blocking sel in d_step (nr.55, near line 1067)");
S_1189_0: /* 2 */
S_1190_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1191_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1192_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1193_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1194_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1195_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1196_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1197_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_68: /* 3 */
S_1198_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==3))))
			goto S_1409_69;
S_1199_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 3, 5);
S_1203_0: /* 2 */
S_1200_0: /* 2 */
		if (!((((int)now.fl[ Index(((int)now.cp), 2) ])<6)))
			goto S_1203_1;
S_1201_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = (((int)now.fl[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_1204_0;
S_1203_1: /* 3 */
S_1202_0: /* 2 */
		/* else */;
		goto S_1204_0;
S_1203_2: /* 3 */
		Uerror("blocking sel in d_step (nr.56, near line 1067)");
S_1204_0: /* 2 */
S_1205_0: /* 2 */
		lk[ Index(now.cp, 2) ] = ( ((((int)now.fl[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1209_0: /* 2 */
S_1206_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_1209_1;
S_1207_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_1210_0;
S_1209_1: /* 3 */
S_1208_0: /* 2 */
		/* else */;
		goto S_1210_0;
S_1209_2: /* 3 */
		Uerror("blocking sel in d_step (nr.57, near line 1067)");
S_1210_0: /* 2 */
S_1211_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1212_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1213_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1214_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_69: /* 3 */
S_1215_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==4))))
			goto S_1409_70;
S_1216_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 4, 6);
S_1217_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1218_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1219_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1220_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1221_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1222_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_70: /* 3 */
S_1223_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==5))))
			goto S_1409_71;
S_1224_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 5, 5);
S_1225_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1226_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1227_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1228_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_71: /* 3 */
S_1229_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==6))))
			goto S_1409_72;
S_1230_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 6, 6);
S_1231_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1232_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1233_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1234_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+3);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1235_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1236_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_72: /* 3 */
S_1237_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==7))))
			goto S_1409_73;
S_1238_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 7, 5);
S_1239_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+9);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1240_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1241_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_73: /* 3 */
S_1242_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==8))))
			goto S_1409_74;
S_1243_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 8, 5);
S_1247_0: /* 2 */
S_1244_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_1247_1;
S_1245_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_1248_0;
S_1247_1: /* 3 */
S_1246_0: /* 2 */
		/* else */;
		goto S_1248_0;
S_1247_2: /* 3 */
		Uerror("blocking sel in d_step (nr.58, near line 1067)");
S_1248_0: /* 2 */
S_1249_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1250_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1251_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1252_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_74: /* 3 */
S_1253_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==9))))
			goto S_1409_75;
S_1254_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 9, 5);
S_1255_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1256_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_75: /* 3 */
S_1257_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==10))))
			goto S_1409_76;
S_1258_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 10, 3);
S_1259_0: /* 2 */
		now.accepting = 0;
#ifdef VAR_RANGES
		logval("accepting", ((int)now.accepting));
#endif
		;
S_1260_0: /* 2 */
		dr[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("dr[cp]", ((int)dr[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1261_0: /* 2 */
		now.k_drop = 1;
#ifdef VAR_RANGES
		logval("k_drop", ((int)now.k_drop));
#endif
		;
S_1262_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+4);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1263_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+10);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1264_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 3;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1265_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_76: /* 3 */
S_1266_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==11))))
			goto S_1409_77;
S_1267_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 11, 5);
S_1268_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1269_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_77: /* 3 */
S_1270_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==5)&&(((int)now.dq)==12))))
			goto S_1409_78;
S_1271_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 5, 12, 4);
S_1272_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+5);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1273_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 4;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1274_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_78: /* 3 */
S_1275_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==0))))
			goto S_1409_79;
S_1276_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 0, 2);
S_1282_0: /* 2 */
S_1277_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_1282_1;
S_1278_0: /* 2 */
		Printf("@violation %d\n", 8);
S_1279_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1283_0;
S_1282_1: /* 3 */
S_1280_0: /* 2 */
		/* else */;
S_1281_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1283_0;
S_1282_2: /* 3 */
		Uerror("blocking sel in d_step (nr.59, near line 1067)");
S_1283_0: /* 2 */
S_1284_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1285_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1286_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1287_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1288_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1289_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1290_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1291_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_79: /* 3 */
S_1292_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==1))))
			goto S_1409_80;
S_1293_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 1, 1);
S_1299_0: /* 2 */
S_1294_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_1299_1;
S_1295_0: /* 2 */
		Printf("@violation %d\n", 8);
S_1296_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1300_0;
S_1299_1: /* 3 */
S_1297_0: /* 2 */
		/* else */;
S_1298_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1300_0;
S_1299_2: /* 3 */
		Uerror("blocking sel in d_step (nr.60, near line 1067)");
S_1300_0: /* 2 */
S_1301_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1302_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1303_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1304_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1305_0: /* 2 */
		wn[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1306_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1307_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1308_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1309_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_80: /* 3 */
S_1310_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==2))))
			goto S_1409_81;
S_1311_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 2, 2);
S_1317_0: /* 2 */
S_1312_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(1))))
			goto S_1317_1;
S_1313_0: /* 2 */
		Printf("@violation %d\n", 8);
S_1314_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1318_0;
S_1317_1: /* 3 */
S_1315_0: /* 2 */
		/* else */;
S_1316_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1318_0;
S_1317_2: /* 3 */
		Uerror("blocking sel in d_step (nr.61, near line 1067)");
S_1318_0: /* 2 */
S_1319_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1320_0: /* 2 */
		lk[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1321_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1322_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1323_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1324_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1325_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 2;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1326_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_81: /* 3 */
S_1327_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==3))))
			goto S_1409_82;
S_1328_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 3, 6);
S_1332_0: /* 2 */
S_1329_0: /* 2 */
		if (!((((int)now.fl[ Index(((int)now.cp), 2) ])<6)))
			goto S_1332_1;
S_1330_0: /* 2 */
		now.fl[ Index(now.cp, 2) ] = (((int)now.fl[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("fl[cp]", ((int)now.fl[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_1333_0;
S_1332_1: /* 3 */
S_1331_0: /* 2 */
		/* else */;
		goto S_1333_0;
S_1332_2: /* 3 */
		Uerror("blocking sel in d_step (nr.62, near line 1067)");
S_1333_0: /* 2 */
S_1334_0: /* 2 */
		lk[ Index(now.cp, 2) ] = ( ((((int)now.fl[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.fl[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("lk[cp]", ((int)lk[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1338_0: /* 2 */
S_1335_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_1338_1;
S_1336_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_1339_0;
S_1338_1: /* 3 */
S_1337_0: /* 2 */
		/* else */;
		goto S_1339_0;
S_1338_2: /* 3 */
		Uerror("blocking sel in d_step (nr.63, near line 1067)");
S_1339_0: /* 2 */
S_1340_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1341_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1342_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1343_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_82: /* 3 */
S_1344_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==4))))
			goto S_1409_83;
S_1345_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 4, 6);
S_1346_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1347_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1348_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1349_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1350_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_83: /* 3 */
S_1351_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==5))))
			goto S_1409_84;
S_1352_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 5, 5);
S_1353_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1354_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1355_0: /* 2 */
		wn[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1356_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1357_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1358_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1359_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_84: /* 3 */
S_1360_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==6))))
			goto S_1409_85;
S_1361_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 6, 6);
S_1362_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1363_0: /* 2 */
		shl[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1364_0: /* 2 */
		wn[ Index(now.cp, 2) ] = ((int)now.wreq);
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1365_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1366_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_85: /* 3 */
S_1367_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==7))))
			goto S_1409_86;
S_1368_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 7, 6);
S_1369_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+9);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1370_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1371_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_86: /* 3 */
S_1372_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==8))))
			goto S_1409_87;
S_1373_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 8, 6);
S_1377_0: /* 2 */
S_1374_0: /* 2 */
		if (!((((int)now.shf[ Index(((int)now.cp), 2) ])<6)))
			goto S_1377_1;
S_1375_0: /* 2 */
		now.shf[ Index(now.cp, 2) ] = (((int)now.shf[ Index(((int)now.cp), 2) ])+1);
#ifdef VAR_RANGES
		logval("shf[cp]", ((int)now.shf[ Index(((int)now.cp), 2) ]));
#endif
		;
		goto S_1378_0;
S_1377_1: /* 3 */
S_1376_0: /* 2 */
		/* else */;
		goto S_1378_0;
S_1377_2: /* 3 */
		Uerror("blocking sel in d_step (nr.64, near line 1067)");
S_1378_0: /* 2 */
S_1379_0: /* 2 */
		shl[ Index(now.cp, 2) ] = ( ((((int)now.shf[ Index(((int)now.cp), 2) ])==4)) ? (1) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==5)) ? (2) : (( ((((int)now.shf[ Index(((int)now.cp), 2) ])==6)) ? (4) : (0) )) )) );
#ifdef VAR_RANGES
		logval("shl[cp]", ((int)shl[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1380_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+8);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1381_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1382_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_87: /* 3 */
S_1383_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==9))))
			goto S_1409_88;
S_1384_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 9, 5);
S_1385_0: /* 2 */
		wn[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1386_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1387_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1388_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1389_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_88: /* 3 */
S_1390_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==10))))
			goto S_1409_89;
S_1391_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 10, 6);
S_1392_0: /* 2 */
		dr[ Index(now.cp, 2) ] = 1;
#ifdef VAR_RANGES
		logval("dr[cp]", ((int)dr[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1393_0: /* 2 */
		now.k_drop = 1;
#ifdef VAR_RANGES
		logval("k_drop", ((int)now.k_drop));
#endif
		;
S_1394_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1395_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 6;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1396_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_89: /* 3 */
S_1397_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==11))))
			goto S_1409_90;
S_1398_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 11, 5);
S_1399_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+2);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1400_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
S_1401_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 5;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1402_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_90: /* 3 */
S_1403_0: /* 2 */
		if (!(((((int)now.ds[ Index(((int)now.cp), 2) ])==6)&&(((int)now.dq)==12))))
			goto S_1409_91;
S_1404_0: /* 2 */
		Printf("@row %d %d %d %d\n", (2+((int)now.cp)), 6, 12, 4);
S_1405_0: /* 2 */
		wn[ Index(now.cp, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wn[cp]", ((int)wn[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1406_0: /* 2 */
		now.dp[ Index(now.cp, 2) ] = ((now.dp[ Index(((int)now.cp), 2) ]*32)+5);
#ifdef VAR_RANGES
		logval("dp[cp]", now.dp[ Index(((int)now.cp), 2) ]);
#endif
		;
S_1407_0: /* 2 */
		now.ds[ Index(now.cp, 2) ] = 4;
#ifdef VAR_RANGES
		logval("ds[cp]", ((int)now.ds[ Index(((int)now.cp), 2) ]));
#endif
		;
S_1408_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_1410_0;
S_1409_91: /* 3 */
		Uerror("blocking sel in d_step (nr.65, near line 1067)");
S_1410_0: /* 2 */
S_1411_0: /* 2 */
		now.dq = ((int)now.dq);
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
		goto S_2830_0; /* ';' */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 36: // STATE 1414 - kit/keycrypt_kit/model/generated/kcp1.pml:1067 - [(((!(((((c_tx!=0)||(k_tx!=0))||c_hup)||k_hup))&&(dq==255))&&k_drop))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][1414] = 1;
		if (!((( !(((((((int)now.c_tx)!=0)||(((int)now.k_tx)!=0))||((int)now.c_hup))||((int)now.k_hup)))&&(((int)now.dq)==255))&&((int)now.k_drop))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 37: // STATE 1421 - kit/keycrypt_kit/model/generated/kcp1.pml:1067 - [D_STEP1067]
		IfNotBlocked

		reached[0][1421] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_1414_0: /* 2 */
		now.k_drop = 0;
#ifdef VAR_RANGES
		logval("k_drop", ((int)now.k_drop));
#endif
		;
S_1418_0: /* 2 */
S_1415_0: /* 2 */
		if (!((((int)now.k_conn)&& !((((int)now.ks)==3)))))
			goto S_1418_1;
S_1416_0: /* 2 */
		now.kq = 10;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1419_0;
S_1418_1: /* 3 */
S_1417_0: /* 2 */
		/* else */;
		goto S_1419_0;
S_1418_2: /* 3 */
		Uerror("blocking sel in d_step (nr.66, near line 1067)");
S_1419_0: /* 2 */
		goto S_2830_0; /* '.' */
		goto S_2830_0; /* ';' */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 38: // STATE 1422 - kit/keycrypt_kit/model/generated/kcp1.pml:1067 - [((((!(((((c_tx!=0)||(k_tx!=0))||c_hup)||k_hup))&&(dq==255))&&!(k_drop))&&(kq!=255)))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][1422] = 1;
		if (!(((( !(((((((int)now.c_tx)!=0)||(((int)now.k_tx)!=0))||((int)now.c_hup))||((int)now.k_hup)))&&(((int)now.dq)==255))&& !(((int)now.k_drop)))&&(((int)now.kq)!=255))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 39: // STATE 1825 - kit/keycrypt_kit/model/generated/kcp1.pml:1067 - [D_STEP1067]
		if (!(((boq == -1 && ((((int)now.ks)==0)&&(((int)now.kq)==0)))) || ((boq == -1 && ((((int)now.ks)==0)&&(((int)now.kq)==1)))) || ((boq == -1 && ((((int)now.ks)==0)&&(((int)now.kq)==2)))) || ((boq == -1 && ((((int)now.ks)==0)&&(((int)now.kq)==3)))) || ((boq == -1 && ((((int)now.ks)==0)&&(((int)now.kq)==4)))) || ((boq == -1 && ((((int)now.ks)==0)&&(((int)now.kq)==5)))) || ((boq == -1 && ((((int)now.ks)==0)&&(((int)now.kq)==6)))) || ((boq == -1 && ((((int)now.ks)==0)&&(((int)now.kq)==7)))) || ((boq == -1 && ((((int)now.ks)==0)&&(((int)now.kq)==8)))) || ((boq == -1 && ((((int)now.ks)==0)&&(((int)now.kq)==9)))) || ((boq == -1 && ((((int)now.ks)==0)&&(((int)now.kq)==10)))) || ((boq == -1 && ((((int)now.ks)==1)&&(((int)now.kq)==0)))) || ((boq == -1 && ((((int)now.ks)==1)&&(((int)now.kq)==1)))) || ((boq == -1 && ((((int)now.ks)==1)&&(((int)now.kq)==2)))) || ((boq == -1 && ((((int)now.ks)==1)&&(((int)now.kq)==3)))) || ((boq == -1 && ((((int)now.ks)==1)&&(((int)now.kq)==4)))) || ((boq == -1 && ((((int)now.ks)==1)&&(((int)now.kq)==5)))) || ((boq == -1 && ((((int)now.ks)==1)&&(((int)now.kq)==6)))) || ((boq == -1 && ((((int)now.ks)==1)&&(((int)now.kq)==7)))) || ((boq == -1 && ((((int)now.ks)==1)&&(((int)now.kq)==8)))) || ((boq == -1 && ((((int)now.ks)==1)&&(((int)now.kq)==9)))) || ((boq == -1 && ((((int)now.ks)==1)&&(((int)now.kq)==10)))) || ((boq == -1 && ((((int)now.ks)==2)&&(((int)now.kq)==0)))) || ((boq == -1 && ((((int)now.ks)==2)&&(((int)now.kq)==1)))) || ((boq == -1 && ((((int)now.ks)==2)&&(((int)now.kq)==2)))) || ((boq == -1 && ((((int)now.ks)==2)&&(((int)now.kq)==3)))) || ((boq == -1 && ((((int)now.ks)==2)&&(((int)now.kq)==4)))) || ((boq == -1 && ((((int)now.ks)==2)&&(((int)now.kq)==5)))) || ((boq == -1 && ((((int)now.ks)==2)&&(((int)now.kq)==6)))) || ((boq == -1 && ((((int)now.ks)==2)&&(((int)now.kq)==7)))) || ((boq == -1 && ((((int)now.ks)==2)&&(((int)now.kq)==8)))) || ((boq == -1 && ((((int)now.ks)==2)&&(((int)now.kq)==9)))) || ((boq == -1 && ((((int)now.ks)==2)&&(((int)now.kq)==10)))) || ((boq == -1 && ((((int)now.ks)==3)&&(((int)now.kq)==0)))) || ((boq == -1 && ((((int)now.ks)==3)&&(((int)now.kq)==1)))) || ((boq == -1 && ((((int)now.ks)==3)&&(((int)now.kq)==2)))) || ((boq == -1 && ((((int)now.ks)==3)&&(((int)now.kq)==3)))) || ((boq == -1 && ((((int)now.ks)==3)&&(((int)now.kq)==4)))) || ((boq == -1 && ((((int)now.ks)==3)&&(((int)now.kq)==5)))) || ((boq == -1 && ((((int)now.ks)==3)&&(((int)now.kq)==6)))) || ((boq == -1 && ((((int)now.ks)==3)&&(((int)now.kq)==7)))) || ((boq == -1 && ((((int)now.ks)==3)&&(((int)now.kq)==8)))) || ((boq == -1 && ((((int)now.ks)==3)&&(((int)now.kq)==9)))) || ((boq == -1 && ((((int)now.ks)==3)&&(((int)now.kq)==10))))))
			continue;

		reached[0][1825] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_1821_0: /* 2 */
S_1422_0: /* 2 */
		if (!(((((int)now.ks)==0)&&(((int)now.kq)==0))))
			goto S_1821_1;
S_1423_0: /* 2 */
		now.ok = (((int)now.fT)==1);
#ifdef VAR_RANGES
		logval("ok", ((int)now.ok));
#endif
		;
S_1458_0: /* 2 */
S_1424_0: /* 2 */
		if (!(((int)now.ok)))
			goto S_1458_1;
S_1425_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 0, 0, 1);
S_1426_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_1427_0: /* 2 */
		now.k_keys = 1;
#ifdef VAR_RANGES
		logval("k_keys", ((int)now.k_keys));
#endif
		;
S_1428_0: /* 2 */
		now.k_sess = ((int)now.fX);
#ifdef VAR_RANGES
		logval("k_sess", ((int)now.k_sess));
#endif
		;
S_1429_0: /* 2 */
		now.k_epoch = 0;
#ifdef VAR_RANGES
		logval("k_epoch", ((int)now.k_epoch));
#endif
		;
S_1430_0: /* 2 */
		now.k_ctr = 0;
#ifdef VAR_RANGES
		logval("k_ctr", ((int)now.k_ctr));
#endif
		;
S_1436_0: /* 2 */
S_1431_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.k_keys)))))
			goto S_1436_1;
S_1432_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1433_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1437_0;
S_1436_1: /* 3 */
S_1434_0: /* 2 */
		/* else */;
S_1435_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1437_0;
S_1436_2: /* 3 */
		Uerror("blocking sel in d_step (nr.67, near line 1067)");
S_1437_0: /* 2 */
S_1438_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_1442_0: /* 2 */
S_1439_0: /* 2 */
		if (!((((int)now.k_sess)!=2)))
			goto S_1442_1;
S_1440_0: /* 2 */
		now.k_tx = ((3+(((int)now.k_sess)*4))+( ((((int)now.ds[0])==0)) ? (3) : (( ((((int)now.ds[0])==1)) ? (0) : (( ((((int)now.ds[0])==2)) ? (1) : (( ((((int)now.ds[0])==3)) ? (3) : (( ((((int)now.ds[0])==4)) ? (2) : (( ((((int)now.ds[0])==5)) ? (2) : (( ((((int)now.ds[0])==6)) ? (2) : (3) )) )) )) )) )) )) ));
#ifdef VAR_RANGES
		logval("k_tx", ((int)now.k_tx));
#endif
		;
		goto S_1443_0;
S_1442_1: /* 3 */
S_1441_0: /* 2 */
		/* else */;
		goto S_1443_0;
S_1442_2: /* 3 */
		Uerror("blocking sel in d_step (nr.68, near line 1067)");
S_1443_0: /* 2 */
S_1444_0: /* 2 */
		now.k_to = 24;
#ifdef VAR_RANGES
		logval("k_to", ((int)now.k_to));
#endif
		;
S_1445_0: /* 2 */
		now.k_tof = 0;
#ifdef VAR_RANGES
		logval("k_tof", ((int)now.k_tof));
#endif
		;
S_1446_0: /* 2 */
		now.ks = 1;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1447_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1459_0;
S_1458_1: /* 3 */
S_1448_0: /* 2 */
		/* else */;
S_1449_0: /* 2 */
		Printf("@reject 1 %d %d\n", 0, 0);
S_1455_0: /* 2 */
S_1450_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.kq)!=7)))))
			goto S_1455_1;
S_1451_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1452_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1456_0;
S_1455_1: /* 3 */
S_1453_0: /* 2 */
		/* else */;
S_1454_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1456_0;
S_1455_2: /* 3 */
		Uerror("blocking sel in d_step (nr.69, near line 1067)");
S_1456_0: /* 2 */
S_1457_0: /* 2 */
		now.kq = 7;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1459_0;
S_1458_2: /* 3 */
		Uerror("blocking sel in d_step (nr.70, near line 1067)");
S_1459_0: /* 2 */
		goto S_1822_0;
S_1821_1: /* 3 */
S_1460_0: /* 2 */
		if (!(((((int)now.ks)==0)&&(((int)now.kq)==1))))
			goto S_1821_2;
S_1461_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 0, 1, 3);
S_1462_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1463_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1464_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_2: /* 3 */
S_1465_0: /* 2 */
		if (!(((((int)now.ks)==0)&&(((int)now.kq)==2))))
			goto S_1821_3;
S_1466_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 0, 2, 3);
S_1467_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1468_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1469_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_3: /* 3 */
S_1470_0: /* 2 */
		if (!(((((int)now.ks)==0)&&(((int)now.kq)==3))))
			goto S_1821_4;
S_1471_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 0, 3, 3);
S_1472_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1473_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1474_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_4: /* 3 */
S_1475_0: /* 2 */
		if (!(((((int)now.ks)==0)&&(((int)now.kq)==4))))
			goto S_1821_5;
S_1476_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 0, 4, 3);
S_1477_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1478_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1479_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_5: /* 3 */
S_1480_0: /* 2 */
		if (!(((((int)now.ks)==0)&&(((int)now.kq)==5))))
			goto S_1821_6;
S_1481_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 0, 5, 3);
S_1482_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1483_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1484_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_6: /* 3 */
S_1485_0: /* 2 */
		if (!(((((int)now.ks)==0)&&(((int)now.kq)==6))))
			goto S_1821_7;
S_1486_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 0, 6, 3);
S_1487_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1488_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1489_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_7: /* 3 */
S_1490_0: /* 2 */
		if (!(((((int)now.ks)==0)&&(((int)now.kq)==7))))
			goto S_1821_8;
S_1491_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 0, 7, 3);
S_1492_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1493_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1494_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_8: /* 3 */
S_1495_0: /* 2 */
		if (!(((((int)now.ks)==0)&&(((int)now.kq)==8))))
			goto S_1821_9;
S_1496_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 0, 8, 3);
S_1497_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1498_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1499_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_9: /* 3 */
S_1500_0: /* 2 */
		if (!(((((int)now.ks)==0)&&(((int)now.kq)==9))))
			goto S_1821_10;
S_1501_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 0, 9, 3);
S_1502_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1503_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1504_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_10: /* 3 */
S_1505_0: /* 2 */
		if (!(((((int)now.ks)==0)&&(((int)now.kq)==10))))
			goto S_1821_11;
S_1506_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 0, 10, 3);
S_1507_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1508_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1509_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_11: /* 3 */
S_1510_0: /* 2 */
		if (!(((((int)now.ks)==1)&&(((int)now.kq)==0))))
			goto S_1821_12;
S_1511_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 1, 0, 3);
S_1512_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1513_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1514_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_12: /* 3 */
S_1515_0: /* 2 */
		if (!(((((int)now.ks)==1)&&(((int)now.kq)==1))))
			goto S_1821_13;
S_1516_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 1, 1, 3);
S_1517_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1518_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1519_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_13: /* 3 */
S_1520_0: /* 2 */
		if (!(((((int)now.ks)==1)&&(((int)now.kq)==2))))
			goto S_1821_14;
S_1526_0: /* 2 */
S_1521_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.k_keys)))))
			goto S_1526_1;
S_1522_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1523_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1527_0;
S_1526_1: /* 3 */
S_1524_0: /* 2 */
		/* else */;
S_1525_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1527_0;
S_1526_2: /* 3 */
		Uerror("blocking sel in d_step (nr.71, near line 1067)");
S_1527_0: /* 2 */
S_1528_0: /* 2 */
		now.ok = (((((int)now.fT)==3)&&(((int)now.fX)==((int)now.k_sess)))&&((((int)now.fX)==2)||((((int)now.fV)&&(((int)now.fE)==((int)now.k_epoch)))&&(((int)now.fC)==((int)now.k_ctr)))));
#ifdef VAR_RANGES
		logval("ok", ((int)now.ok));
#endif
		;
S_1579_0: /* 2 */
S_1529_0: /* 2 */
		if (!(((int)now.ok)))
			goto S_1579_1;
S_1530_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 1, 2, 1);
S_1531_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_1536_0: /* 2 */
S_1532_0: /* 2 */
		if (!((((int)now.fX)==2)))
			goto S_1536_1;
S_1533_0: /* 2 */
		now.k_pc = ((int)now.k_ctr);
#ifdef VAR_RANGES
		logval("k_pc", ((int)now.k_pc));
#endif
		;
		goto S_1537_0;
S_1536_1: /* 3 */
S_1534_0: /* 2 */
		/* else */;
S_1535_0: /* 2 */
		now.k_pc = ((int)now.fC);
#ifdef VAR_RANGES
		logval("k_pc", ((int)now.k_pc));
#endif
		;
		goto S_1537_0;
S_1536_2: /* 3 */
		Uerror("blocking sel in d_step (nr.72, near line 1067)");
S_1537_0: /* 2 */
S_1543_0: /* 2 */
S_1538_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.k_keys)))))
			goto S_1543_1;
S_1539_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1540_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1544_0;
S_1543_1: /* 3 */
S_1541_0: /* 2 */
		/* else */;
S_1542_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1544_0;
S_1543_2: /* 3 */
		Uerror("blocking sel in d_step (nr.73, near line 1067)");
S_1544_0: /* 2 */
S_1545_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_1563_0: /* 2 */
S_1546_0: /* 2 */
		if (!(((((int)now.k_pc)>=3)||(((int)now.k_epoch)>=2))))
			goto S_1563_1;
S_1549_0: /* 2 */
S_1547_0: /* 2 */
		now.halt = 1;
#ifdef VAR_RANGES
		logval("halt", ((int)now.halt));
#endif
		;
S_1548_0: /* 2 */
		Printf("@bound\n");
		goto S_1564_0;
S_1563_1: /* 3 */
S_1550_0: /* 2 */
		if (!((((int)now.k_sess)!=2)))
			goto S_1563_2;
S_1556_0: /* 2 */
S_1551_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !( !(((now.pused>>((((int)now.k_epoch)*3)+((int)now.k_pc)))&1))))))
			goto S_1556_1;
S_1552_0: /* 2 */
		Printf("@violation %d\n", 5);
S_1553_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1557_0;
S_1556_1: /* 3 */
S_1554_0: /* 2 */
		/* else */;
S_1555_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1557_0;
S_1556_2: /* 3 */
		Uerror("blocking sel in d_step (nr.74, near line 1067)");
S_1557_0: /* 2 */
S_1558_0: /* 2 */
		now.pused = (now.pused|(1<<((((int)now.k_epoch)*3)+((int)now.k_pc))));
#ifdef VAR_RANGES
		logval("pused", now.pused);
#endif
		;
S_1559_0: /* 2 */
		now.k_tx = ((17+(((((int)now.k_epoch)*3)+((int)now.k_pc))*4))+( ((((int)now.ds[0])==0)) ? (3) : (( ((((int)now.ds[0])==1)) ? (0) : (( ((((int)now.ds[0])==2)) ? (1) : (( ((((int)now.ds[0])==3)) ? (3) : (( ((((int)now.ds[0])==4)) ? (2) : (( ((((int)now.ds[0])==5)) ? (2) : (( ((((int)now.ds[0])==6)) ? (2) : (3) )) )) )) )) )) )) ));
#ifdef VAR_RANGES
		logval("k_tx", ((int)now.k_tx));
#endif
		;
S_1560_0: /* 2 */
		now.k_ctr = (((int)now.k_pc)+1);
#ifdef VAR_RANGES
		logval("k_ctr", ((int)now.k_ctr));
#endif
		;
		goto S_1564_0;
S_1563_2: /* 3 */
S_1561_0: /* 2 */
		/* else */;
S_1562_0: /* 2 */
		now.k_ctr = (((int)now.k_pc)+1);
#ifdef VAR_RANGES
		logval("k_ctr", ((int)now.k_ctr));
#endif
		;
		goto S_1564_0;
S_1563_3: /* 3 */
		Uerror("blocking sel in d_step (nr.75, near line 1067)");
S_1564_0: /* 2 */
S_1565_0: /* 2 */
		now.k_to = 24;
#ifdef VAR_RANGES
		logval("k_to", ((int)now.k_to));
#endif
		;
S_1566_0: /* 2 */
		now.k_tof = 0;
#ifdef VAR_RANGES
		logval("k_tof", ((int)now.k_tof));
#endif
		;
S_1567_0: /* 2 */
		now.ks = 1;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1568_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1580_0;
S_1579_1: /* 3 */
S_1569_0: /* 2 */
		/* else */;
S_1570_0: /* 2 */
		Printf("@reject 1 %d %d\n", 1, 2);
S_1576_0: /* 2 */
S_1571_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.kq)!=7)))))
			goto S_1576_1;
S_1572_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1573_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1577_0;
S_1576_1: /* 3 */
S_1574_0: /* 2 */
		/* else */;
S_1575_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1577_0;
S_1576_2: /* 3 */
		Uerror("blocking sel in d_step (nr.76, near line 1067)");
S_1577_0: /* 2 */
S_1578_0: /* 2 */
		now.kq = 7;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1580_0;
S_1579_2: /* 3 */
		Uerror("blocking sel in d_step (nr.77, near line 1067)");
S_1580_0: /* 2 */
		goto S_1822_0;
S_1821_14: /* 3 */
S_1581_0: /* 2 */
		if (!(((((int)now.ks)==1)&&(((int)now.kq)==3))))
			goto S_1821_15;
S_1587_0: /* 2 */
S_1582_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.k_keys)))))
			goto S_1587_1;
S_1583_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1584_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1588_0;
S_1587_1: /* 3 */
S_1585_0: /* 2 */
		/* else */;
S_1586_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1588_0;
S_1587_2: /* 3 */
		Uerror("blocking sel in d_step (nr.78, near line 1067)");
S_1588_0: /* 2 */
S_1589_0: /* 2 */
		now.ok = (((((int)now.fT)==3)&&(((int)now.fX)==((int)now.k_sess)))&&((((int)now.fX)==2)||((((int)now.fV)&&(((int)now.fE)==((int)now.k_epoch)))&&(((int)now.fC)==((int)now.k_ctr)))));
#ifdef VAR_RANGES
		logval("ok", ((int)now.ok));
#endif
		;
S_1640_0: /* 2 */
S_1590_0: /* 2 */
		if (!(((int)now.ok)))
			goto S_1640_1;
S_1591_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 1, 3, 2);
S_1592_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_1597_0: /* 2 */
S_1593_0: /* 2 */
		if (!((((int)now.fX)==2)))
			goto S_1597_1;
S_1594_0: /* 2 */
		now.k_pc = ((int)now.k_ctr);
#ifdef VAR_RANGES
		logval("k_pc", ((int)now.k_pc));
#endif
		;
		goto S_1598_0;
S_1597_1: /* 3 */
S_1595_0: /* 2 */
		/* else */;
S_1596_0: /* 2 */
		now.k_pc = ((int)now.fC);
#ifdef VAR_RANGES
		logval("k_pc", ((int)now.k_pc));
#endif
		;
		goto S_1598_0;
S_1597_2: /* 3 */
		Uerror("blocking sel in d_step (nr.79, near line 1067)");
S_1598_0: /* 2 */
S_1604_0: /* 2 */
S_1599_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.k_keys)))))
			goto S_1604_1;
S_1600_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1601_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1605_0;
S_1604_1: /* 3 */
S_1602_0: /* 2 */
		/* else */;
S_1603_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1605_0;
S_1604_2: /* 3 */
		Uerror("blocking sel in d_step (nr.80, near line 1067)");
S_1605_0: /* 2 */
S_1606_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_1624_0: /* 2 */
S_1607_0: /* 2 */
		if (!(((((int)now.k_pc)>=3)||(((int)now.k_epoch)>=2))))
			goto S_1624_1;
S_1610_0: /* 2 */
S_1608_0: /* 2 */
		now.halt = 1;
#ifdef VAR_RANGES
		logval("halt", ((int)now.halt));
#endif
		;
S_1609_0: /* 2 */
		Printf("@bound\n");
		goto S_1625_0;
S_1624_1: /* 3 */
S_1611_0: /* 2 */
		if (!((((int)now.k_sess)!=2)))
			goto S_1624_2;
S_1617_0: /* 2 */
S_1612_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !( !(((now.pused>>((((int)now.k_epoch)*3)+((int)now.k_pc)))&1))))))
			goto S_1617_1;
S_1613_0: /* 2 */
		Printf("@violation %d\n", 5);
S_1614_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1618_0;
S_1617_1: /* 3 */
S_1615_0: /* 2 */
		/* else */;
S_1616_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1618_0;
S_1617_2: /* 3 */
		Uerror("blocking sel in d_step (nr.81, near line 1067)");
S_1618_0: /* 2 */
S_1619_0: /* 2 */
		now.pused = (now.pused|(1<<((((int)now.k_epoch)*3)+((int)now.k_pc))));
#ifdef VAR_RANGES
		logval("pused", now.pused);
#endif
		;
S_1620_0: /* 2 */
		now.k_tx = ((17+(((((int)now.k_epoch)*3)+((int)now.k_pc))*4))+( ((((int)now.ds[0])==0)) ? (3) : (( ((((int)now.ds[0])==1)) ? (0) : (( ((((int)now.ds[0])==2)) ? (1) : (( ((((int)now.ds[0])==3)) ? (3) : (( ((((int)now.ds[0])==4)) ? (2) : (( ((((int)now.ds[0])==5)) ? (2) : (( ((((int)now.ds[0])==6)) ? (2) : (3) )) )) )) )) )) )) ));
#ifdef VAR_RANGES
		logval("k_tx", ((int)now.k_tx));
#endif
		;
S_1621_0: /* 2 */
		now.k_ctr = (((int)now.k_pc)+1);
#ifdef VAR_RANGES
		logval("k_ctr", ((int)now.k_ctr));
#endif
		;
		goto S_1625_0;
S_1624_2: /* 3 */
S_1622_0: /* 2 */
		/* else */;
S_1623_0: /* 2 */
		now.k_ctr = (((int)now.k_pc)+1);
#ifdef VAR_RANGES
		logval("k_ctr", ((int)now.k_ctr));
#endif
		;
		goto S_1625_0;
S_1624_3: /* 3 */
		Uerror("blocking sel in d_step (nr.82, near line 1067)");
S_1625_0: /* 2 */
S_1626_0: /* 2 */
		now.k_to = 24;
#ifdef VAR_RANGES
		logval("k_to", ((int)now.k_to));
#endif
		;
S_1627_0: /* 2 */
		now.k_tof = 0;
#ifdef VAR_RANGES
		logval("k_tof", ((int)now.k_tof));
#endif
		;
S_1628_0: /* 2 */
		now.ks = 2;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1629_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1641_0;
S_1640_1: /* 3 */
S_1630_0: /* 2 */
		/* else */;
S_1631_0: /* 2 */
		Printf("@reject 1 %d %d\n", 1, 3);
S_1637_0: /* 2 */
S_1632_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.kq)!=7)))))
			goto S_1637_1;
S_1633_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1634_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1638_0;
S_1637_1: /* 3 */
S_1635_0: /* 2 */
		/* else */;
S_1636_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1638_0;
S_1637_2: /* 3 */
		Uerror("blocking sel in d_step (nr.83, near line 1067)");
S_1638_0: /* 2 */
S_1639_0: /* 2 */
		now.kq = 7;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1641_0;
S_1640_2: /* 3 */
		Uerror("blocking sel in d_step (nr.84, near line 1067)");
S_1641_0: /* 2 */
		goto S_1822_0;
S_1821_15: /* 3 */
S_1642_0: /* 2 */
		if (!(((((int)now.ks)==1)&&(((int)now.kq)==4))))
			goto S_1821_16;
S_1643_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 1, 4, 3);
S_1644_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1645_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1646_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_16: /* 3 */
S_1647_0: /* 2 */
		if (!(((((int)now.ks)==1)&&(((int)now.kq)==5))))
			goto S_1821_17;
S_1648_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 1, 5, 3);
S_1649_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1650_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1651_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_17: /* 3 */
S_1652_0: /* 2 */
		if (!(((((int)now.ks)==1)&&(((int)now.kq)==6))))
			goto S_1821_18;
S_1653_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 1, 6, 3);
S_1654_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1655_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1656_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_18: /* 3 */
S_1657_0: /* 2 */
		if (!(((((int)now.ks)==1)&&(((int)now.kq)==7))))
			goto S_1821_19;
S_1658_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 1, 7, 3);
S_1659_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1660_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1661_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_19: /* 3 */
S_1662_0: /* 2 */
		if (!(((((int)now.ks)==1)&&(((int)now.kq)==8))))
			goto S_1821_20;
S_1663_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 1, 8, 3);
S_1664_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1665_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1666_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_20: /* 3 */
S_1667_0: /* 2 */
		if (!(((((int)now.ks)==1)&&(((int)now.kq)==9))))
			goto S_1821_21;
S_1668_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 1, 9, 3);
S_1669_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1670_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1671_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_21: /* 3 */
S_1672_0: /* 2 */
		if (!(((((int)now.ks)==1)&&(((int)now.kq)==10))))
			goto S_1821_22;
S_1673_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 1, 10, 3);
S_1674_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1675_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1676_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_22: /* 3 */
S_1677_0: /* 2 */
		if (!(((((int)now.ks)==2)&&(((int)now.kq)==0))))
			goto S_1821_23;
S_1678_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 2, 0, 3);
S_1679_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1680_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1681_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_23: /* 3 */
S_1682_0: /* 2 */
		if (!(((((int)now.ks)==2)&&(((int)now.kq)==1))))
			goto S_1821_24;
S_1683_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 2, 1, 3);
S_1684_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1685_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1686_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_24: /* 3 */
S_1687_0: /* 2 */
		if (!(((((int)now.ks)==2)&&(((int)now.kq)==2))))
			goto S_1821_25;
S_1688_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 2, 2, 3);
S_1689_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1690_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1691_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_25: /* 3 */
S_1692_0: /* 2 */
		if (!(((((int)now.ks)==2)&&(((int)now.kq)==3))))
			goto S_1821_26;
S_1693_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 2, 3, 3);
S_1694_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1695_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1696_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_26: /* 3 */
S_1697_0: /* 2 */
		if (!(((((int)now.ks)==2)&&(((int)now.kq)==4))))
			goto S_1821_27;
S_1698_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 2, 4, 3);
S_1699_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1700_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1701_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_27: /* 3 */
S_1702_0: /* 2 */
		if (!(((((int)now.ks)==2)&&(((int)now.kq)==5))))
			goto S_1821_28;
S_1708_0: /* 2 */
S_1703_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.k_keys)))))
			goto S_1708_1;
S_1704_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1705_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1709_0;
S_1708_1: /* 3 */
S_1706_0: /* 2 */
		/* else */;
S_1707_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1709_0;
S_1708_2: /* 3 */
		Uerror("blocking sel in d_step (nr.85, near line 1067)");
S_1709_0: /* 2 */
S_1710_0: /* 2 */
		now.ok = (((((int)now.fT)==5)&&(((int)now.fX)==((int)now.k_sess)))&&((((int)now.fX)==2)||(((int)now.fV)&&(((int)now.fE)==((int)now.k_epoch)))));
#ifdef VAR_RANGES
		logval("ok", ((int)now.ok));
#endif
		;
S_1750_0: /* 2 */
S_1711_0: /* 2 */
		if (!(((int)now.ok)))
			goto S_1750_1;
S_1712_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 2, 5, 1);
S_1713_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_1721_0: /* 2 */
S_1714_0: /* 2 */
		if (!((((int)now.k_epoch)>=2)))
			goto S_1721_1;
S_1717_0: /* 2 */
S_1715_0: /* 2 */
		now.halt = 1;
#ifdef VAR_RANGES
		logval("halt", ((int)now.halt));
#endif
		;
S_1716_0: /* 2 */
		Printf("@bound\n");
		goto S_1722_0;
S_1721_1: /* 3 */
S_1718_0: /* 2 */
		/* else */;
S_1719_0: /* 2 */
		now.k_epoch = (((int)now.k_epoch)+1);
#ifdef VAR_RANGES
		logval("k_epoch", ((int)now.k_epoch));
#endif
		;
S_1720_0: /* 2 */
		now.k_ctr = 0;
#ifdef VAR_RANGES
		logval("k_ctr", ((int)now.k_ctr));
#endif
		;
		goto S_1722_0;
S_1721_2: /* 3 */
		Uerror("blocking sel in d_step (nr.86, near line 1067)");
S_1722_0: /* 2 */
S_1728_0: /* 2 */
S_1723_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.k_keys)))))
			goto S_1728_1;
S_1724_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1725_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1729_0;
S_1728_1: /* 3 */
S_1726_0: /* 2 */
		/* else */;
S_1727_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1729_0;
S_1728_2: /* 3 */
		Uerror("blocking sel in d_step (nr.87, near line 1067)");
S_1729_0: /* 2 */
S_1730_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_1734_0: /* 2 */
S_1731_0: /* 2 */
		if (!((((int)now.k_sess)!=2)))
			goto S_1734_1;
S_1732_0: /* 2 */
		now.k_tx = (43+((int)now.k_epoch));
#ifdef VAR_RANGES
		logval("k_tx", ((int)now.k_tx));
#endif
		;
		goto S_1735_0;
S_1734_1: /* 3 */
S_1733_0: /* 2 */
		/* else */;
		goto S_1735_0;
S_1734_2: /* 3 */
		Uerror("blocking sel in d_step (nr.88, near line 1067)");
S_1735_0: /* 2 */
S_1736_0: /* 2 */
		now.k_to = 24;
#ifdef VAR_RANGES
		logval("k_to", ((int)now.k_to));
#endif
		;
S_1737_0: /* 2 */
		now.k_tof = 0;
#ifdef VAR_RANGES
		logval("k_tof", ((int)now.k_tof));
#endif
		;
S_1738_0: /* 2 */
		now.ks = 1;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1739_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1751_0;
S_1750_1: /* 3 */
S_1740_0: /* 2 */
		/* else */;
S_1741_0: /* 2 */
		Printf("@reject 1 %d %d\n", 2, 5);
S_1747_0: /* 2 */
S_1742_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.kq)!=7)))))
			goto S_1747_1;
S_1743_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1744_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1748_0;
S_1747_1: /* 3 */
S_1745_0: /* 2 */
		/* else */;
S_1746_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1748_0;
S_1747_2: /* 3 */
		Uerror("blocking sel in d_step (nr.89, near line 1067)");
S_1748_0: /* 2 */
S_1749_0: /* 2 */
		now.kq = 7;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1751_0;
S_1750_2: /* 3 */
		Uerror("blocking sel in d_step (nr.90, near line 1067)");
S_1751_0: /* 2 */
		goto S_1822_0;
S_1821_28: /* 3 */
S_1752_0: /* 2 */
		if (!(((((int)now.ks)==2)&&(((int)now.kq)==6))))
			goto S_1821_29;
S_1753_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 2, 6, 3);
S_1754_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1755_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1756_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_29: /* 3 */
S_1757_0: /* 2 */
		if (!(((((int)now.ks)==2)&&(((int)now.kq)==7))))
			goto S_1821_30;
S_1758_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 2, 7, 3);
S_1759_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1760_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1761_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_30: /* 3 */
S_1762_0: /* 2 */
		if (!(((((int)now.ks)==2)&&(((int)now.kq)==8))))
			goto S_1821_31;
S_1763_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 2, 8, 3);
S_1764_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1765_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1766_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_31: /* 3 */
S_1767_0: /* 2 */
		if (!(((((int)now.ks)==2)&&(((int)now.kq)==9))))
			goto S_1821_32;
S_1768_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 2, 9, 3);
S_1769_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1770_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1771_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_32: /* 3 */
S_1772_0: /* 2 */
		if (!(((((int)now.ks)==2)&&(((int)now.kq)==10))))
			goto S_1821_33;
S_1773_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 2, 10, 3);
S_1774_0: /* 2 */
		now.k_hup = 1;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_1775_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1776_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_33: /* 3 */
S_1777_0: /* 2 */
		if (!(((((int)now.ks)==3)&&(((int)now.kq)==0))))
			goto S_1821_34;
S_1778_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 3, 0, 3);
S_1779_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1780_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_34: /* 3 */
S_1781_0: /* 2 */
		if (!(((((int)now.ks)==3)&&(((int)now.kq)==1))))
			goto S_1821_35;
S_1782_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 3, 1, 3);
S_1783_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1784_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_35: /* 3 */
S_1785_0: /* 2 */
		if (!(((((int)now.ks)==3)&&(((int)now.kq)==2))))
			goto S_1821_36;
S_1786_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 3, 2, 3);
S_1787_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1788_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_36: /* 3 */
S_1789_0: /* 2 */
		if (!(((((int)now.ks)==3)&&(((int)now.kq)==3))))
			goto S_1821_37;
S_1790_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 3, 3, 3);
S_1791_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1792_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_37: /* 3 */
S_1793_0: /* 2 */
		if (!(((((int)now.ks)==3)&&(((int)now.kq)==4))))
			goto S_1821_38;
S_1794_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 3, 4, 3);
S_1795_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1796_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_38: /* 3 */
S_1797_0: /* 2 */
		if (!(((((int)now.ks)==3)&&(((int)now.kq)==5))))
			goto S_1821_39;
S_1798_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 3, 5, 3);
S_1799_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1800_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_39: /* 3 */
S_1801_0: /* 2 */
		if (!(((((int)now.ks)==3)&&(((int)now.kq)==6))))
			goto S_1821_40;
S_1802_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 3, 6, 3);
S_1803_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1804_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_40: /* 3 */
S_1805_0: /* 2 */
		if (!(((((int)now.ks)==3)&&(((int)now.kq)==7))))
			goto S_1821_41;
S_1806_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 3, 7, 3);
S_1807_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1808_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_41: /* 3 */
S_1809_0: /* 2 */
		if (!(((((int)now.ks)==3)&&(((int)now.kq)==8))))
			goto S_1821_42;
S_1810_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 3, 8, 3);
S_1811_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1812_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_42: /* 3 */
S_1813_0: /* 2 */
		if (!(((((int)now.ks)==3)&&(((int)now.kq)==9))))
			goto S_1821_43;
S_1814_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 3, 9, 3);
S_1815_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1816_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_43: /* 3 */
S_1817_0: /* 2 */
		if (!(((((int)now.ks)==3)&&(((int)now.kq)==10))))
			goto S_1821_44;
S_1818_0: /* 2 */
		Printf("@row 1 %d %d %d\n", 3, 10, 3);
S_1819_0: /* 2 */
		now.ks = 3;
#ifdef VAR_RANGES
		logval("ks", ((int)now.ks));
#endif
		;
S_1820_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
		goto S_1822_0;
S_1821_44: /* 3 */
		Uerror("blocking sel in d_step (nr.91, near line 1067)");
S_1822_0: /* 2 */
S_1823_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq, line 1067");
		goto S_2830_0; /* ';' */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 40: // STATE 1826 - kit/keycrypt_kit/model/generated/kcp1.pml:1067 - [(((((!(((((c_tx!=0)||(k_tx!=0))||c_hup)||k_hup))&&(dq==255))&&!(k_drop))&&(kq==255))&&(cq!=255)))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][1826] = 1;
		if (!((((( !(((((((int)now.c_tx)!=0)||(((int)now.k_tx)!=0))||((int)now.c_hup))||((int)now.k_hup)))&&(((int)now.dq)==255))&& !(((int)now.k_drop)))&&(((int)now.kq)==255))&&(((int)now.cq)!=255))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 41: // STATE 2827 - kit/keycrypt_kit/model/generated/kcp1.pml:1067 - [D_STEP1067]
		IfNotBlocked

		reached[0][2827] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_1826_0: /* 2 */
		now.c_follow = 255;
#ifdef VAR_RANGES
		logval("c_follow", ((int)now.c_follow));
#endif
		;
S_2823_0: /* 2 */
S_1827_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==0))))
			goto S_2823_1;
S_1828_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 0, 1);
S_1834_0: /* 2 */
S_1829_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.c_conn)))))
			goto S_1834_1;
S_1830_0: /* 2 */
		Printf("@violation %d\n", 0);
S_1831_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_1835_0;
S_1834_1: /* 3 */
S_1832_0: /* 2 */
		/* else */;
S_1833_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1835_0;
S_1834_2: /* 3 */
		Uerror("blocking sel in d_step (nr.92, near line 1067)");
S_1835_0: /* 2 */
S_1836_0: /* 2 */
		now.c_keys = 1;
#ifdef VAR_RANGES
		logval("c_keys", ((int)now.c_keys));
#endif
		;
S_1837_0: /* 2 */
		now.c_hello = 1;
#ifdef VAR_RANGES
		logval("c_hello", ((int)now.c_hello));
#endif
		;
S_1838_0: /* 2 */
		now.c_epoch = 0;
#ifdef VAR_RANGES
		logval("c_epoch", ((int)now.c_epoch));
#endif
		;
S_1839_0: /* 2 */
		now.c_ctr = 0;
#ifdef VAR_RANGES
		logval("c_ctr", ((int)now.c_ctr));
#endif
		;
S_1840_0: /* 2 */
		now.c_out = 0;
#ifdef VAR_RANGES
		logval("c_out", ((int)now.c_out));
#endif
		;
S_1841_0: /* 2 */
		now.c_pend = 0;
#ifdef VAR_RANGES
		logval("c_pend", ((int)now.c_pend));
#endif
		;
S_1842_0: /* 2 */
		now.c_req = 0;
#ifdef VAR_RANGES
		logval("c_req", ((int)now.c_req));
#endif
		;
S_1843_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_1844_0: /* 2 */
		now.c_tx = (1+((int)now.c_att));
#ifdef VAR_RANGES
		logval("c_tx", ((int)now.c_tx));
#endif
		;
S_1849_0: /* 2 */
S_1845_0: /* 2 */
		if (!(((((int)now.c_grace)!=255)&&(((int)now.c_grace)<12))))
			goto S_1849_1;
S_1846_0: /* 2 */
		now.c_dl = ((int)now.c_grace);
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		goto S_1850_0;
S_1849_1: /* 3 */
S_1847_0: /* 2 */
		/* else */;
S_1848_0: /* 2 */
		now.c_dl = 12;
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		goto S_1850_0;
S_1849_2: /* 3 */
		Uerror("blocking sel in d_step (nr.93, near line 1067)");
S_1850_0: /* 2 */
S_1851_0: /* 2 */
		now.c_dlf = 0;
#ifdef VAR_RANGES
		logval("c_dlf", ((int)now.c_dlf));
#endif
		;
S_1852_0: /* 2 */
		now.cs = 1;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1853_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_1: /* 3 */
S_1854_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==1))))
			goto S_2823_2;
S_1855_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 1, 0);
S_1882_0: /* 2 */
S_1856_0: /* 2 */
		if (!(((int)now.c_conn)))
			goto S_1882_1;
S_1857_0: /* 2 */
		now.c_conn = 0;
#ifdef VAR_RANGES
		logval("c_conn", ((int)now.c_conn));
#endif
		;
S_1858_0: /* 2 */
		now.k_conn = 0;
#ifdef VAR_RANGES
		logval("k_conn", ((int)now.k_conn));
#endif
		;
S_1859_0: /* 2 */
		now.c_hello = 0;
#ifdef VAR_RANGES
		logval("c_hello", ((int)now.c_hello));
#endif
		;
S_1860_0: /* 2 */
		now.c_dl = ((int)now.c_grace);
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
S_1861_0: /* 2 */
		now.c_dlf = 0;
#ifdef VAR_RANGES
		logval("c_dlf", ((int)now.c_dlf));
#endif
		;
S_1880_0: /* 2 */
S_1867_0: /* 2 */
S_1866_0: /* 2 */
S_1862_0: /* 2 */
		if (!((q_len(now.q0)>0)))
			goto S_1866_1;
S_1863_0: /* 2 */
		if (q_len(now.q0) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q0, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q0);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_1867_0; /* ';' */
S_1866_1: /* 3 */
S_1864_0: /* 2 */
		if (!((q_len(now.q0)==0)))
			goto S_1866_2;
S_1865_0: /* 2 */
		goto S_1873_0;	/* 'goto' */
S_1866_2: /* 3 */
		Uerror("blocking sel in d_step (nr.94, near line 254)");
S_1868_0: /* 2 */
		goto S_1873_0;	/* 'break' */
S_1874_0: /* 2 */
S_1873_0: /* 2 */
S_1869_0: /* 2 */
		if (!((q_len(now.q1)>0)))
			goto S_1873_1;
S_1870_0: /* 2 */
		if (q_len(now.q1) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q1, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q1);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_1874_0; /* ';' */
S_1873_1: /* 3 */
S_1871_0: /* 2 */
		if (!((q_len(now.q1)==0)))
			goto S_1873_2;
S_1872_0: /* 2 */
		goto S_1876_0;	/* 'goto' */
S_1873_2: /* 3 */
		Uerror("blocking sel in d_step (nr.95, near line 255)");
S_1875_0: /* 2 */
		goto S_1876_0;	/* 'break' */
S_1876_0: /* 2 */
		now.taint0 = 0;
#ifdef VAR_RANGES
		logval("taint0", ((int)now.taint0));
#endif
		;
S_1877_0: /* 2 */
		now.taint1 = 0;
#ifdef VAR_RANGES
		logval("taint1", ((int)now.taint1));
#endif
		;
S_1878_0: /* 2 */
		now.hage0 = 0;
#ifdef VAR_RANGES
		logval("hage0", ((int)now.hage0));
#endif
		;
S_1879_0: /* 2 */
		now.hage1 = 0;
#ifdef VAR_RANGES
		logval("hage1", ((int)now.hage1));
#endif
		;
		goto S_1883_0;
S_1882_1: /* 3 */
S_1881_0: /* 2 */
		/* else */;
		goto S_1883_0;
S_1882_2: /* 3 */
		Uerror("blocking sel in d_step (nr.96, near line 1067)");
S_1883_0: /* 2 */
S_1884_0: /* 2 */
		now.cs = 0;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1885_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_2: /* 3 */
S_1886_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==2))))
			goto S_2823_3;
S_1887_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 2, 0);
S_1888_0: /* 2 */
		now.cs = 0;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1889_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_3: /* 3 */
S_1890_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==3))))
			goto S_2823_4;
S_1891_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 3, 5);
S_1892_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1893_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1894_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1895_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_4: /* 3 */
S_1896_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==4))))
			goto S_2823_5;
S_1897_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 4, 5);
S_1898_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1899_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1900_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1901_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_5: /* 3 */
S_1902_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==5))))
			goto S_2823_6;
S_1903_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 5, 0);
S_1930_0: /* 2 */
S_1904_0: /* 2 */
		if (!(((int)now.c_conn)))
			goto S_1930_1;
S_1905_0: /* 2 */
		now.c_conn = 0;
#ifdef VAR_RANGES
		logval("c_conn", ((int)now.c_conn));
#endif
		;
S_1906_0: /* 2 */
		now.k_conn = 0;
#ifdef VAR_RANGES
		logval("k_conn", ((int)now.k_conn));
#endif
		;
S_1907_0: /* 2 */
		now.c_hello = 0;
#ifdef VAR_RANGES
		logval("c_hello", ((int)now.c_hello));
#endif
		;
S_1908_0: /* 2 */
		now.c_dl = ((int)now.c_grace);
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
S_1909_0: /* 2 */
		now.c_dlf = 0;
#ifdef VAR_RANGES
		logval("c_dlf", ((int)now.c_dlf));
#endif
		;
S_1928_0: /* 2 */
S_1915_0: /* 2 */
S_1914_0: /* 2 */
S_1910_0: /* 2 */
		if (!((q_len(now.q0)>0)))
			goto S_1914_1;
S_1911_0: /* 2 */
		if (q_len(now.q0) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q0, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q0);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_1915_0; /* ';' */
S_1914_1: /* 3 */
S_1912_0: /* 2 */
		if (!((q_len(now.q0)==0)))
			goto S_1914_2;
S_1913_0: /* 2 */
		goto S_1921_0;	/* 'goto' */
S_1914_2: /* 3 */
		Uerror("blocking sel in d_step (nr.97, near line 254)");
S_1916_0: /* 2 */
		goto S_1921_0;	/* 'break' */
S_1922_0: /* 2 */
S_1921_0: /* 2 */
S_1917_0: /* 2 */
		if (!((q_len(now.q1)>0)))
			goto S_1921_1;
S_1918_0: /* 2 */
		if (q_len(now.q1) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q1, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q1);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_1922_0; /* ';' */
S_1921_1: /* 3 */
S_1919_0: /* 2 */
		if (!((q_len(now.q1)==0)))
			goto S_1921_2;
S_1920_0: /* 2 */
		goto S_1924_0;	/* 'goto' */
S_1921_2: /* 3 */
		Uerror("blocking sel in d_step (nr.98, near line 255)");
S_1923_0: /* 2 */
		goto S_1924_0;	/* 'break' */
S_1924_0: /* 2 */
		now.taint0 = 0;
#ifdef VAR_RANGES
		logval("taint0", ((int)now.taint0));
#endif
		;
S_1925_0: /* 2 */
		now.taint1 = 0;
#ifdef VAR_RANGES
		logval("taint1", ((int)now.taint1));
#endif
		;
S_1926_0: /* 2 */
		now.hage0 = 0;
#ifdef VAR_RANGES
		logval("hage0", ((int)now.hage0));
#endif
		;
S_1927_0: /* 2 */
		now.hage1 = 0;
#ifdef VAR_RANGES
		logval("hage1", ((int)now.hage1));
#endif
		;
		goto S_1931_0;
S_1930_1: /* 3 */
S_1929_0: /* 2 */
		/* else */;
		goto S_1931_0;
S_1930_2: /* 3 */
		Uerror("blocking sel in d_step (nr.99, near line 1067)");
S_1931_0: /* 2 */
S_1932_0: /* 2 */
		now.cs = 0;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1933_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_6: /* 3 */
S_1934_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==6))))
			goto S_2823_7;
S_1935_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 6, 5);
S_1936_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1937_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1938_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1939_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_7: /* 3 */
S_1940_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==7))))
			goto S_2823_8;
S_1941_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 7, 6);
S_1942_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1943_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1944_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_8: /* 3 */
S_1945_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==8))))
			goto S_2823_9;
S_1946_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 8, 5);
S_1947_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1948_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1949_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1950_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_9: /* 3 */
S_1951_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==9))))
			goto S_2823_10;
S_1952_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 9, 5);
S_1953_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1954_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1955_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1956_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_10: /* 3 */
S_1957_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==10))))
			goto S_2823_11;
S_1958_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 10, 5);
S_1959_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1960_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1961_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1962_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_11: /* 3 */
S_1963_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==11))))
			goto S_2823_12;
S_1964_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 11, 5);
S_1965_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1966_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1967_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1968_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_12: /* 3 */
S_1969_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==12))))
			goto S_2823_13;
S_1970_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 12, 5);
S_1971_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1972_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1973_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1974_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_13: /* 3 */
S_1975_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==13))))
			goto S_2823_14;
S_1976_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 13, 5);
S_1977_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1978_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1979_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1980_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_14: /* 3 */
S_1981_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==14))))
			goto S_2823_15;
S_1982_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 14, 5);
S_1983_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1984_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1985_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1986_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_15: /* 3 */
S_1987_0: /* 2 */
		if (!(((((int)now.cs)==0)&&(((int)now.cq)==15))))
			goto S_2823_16;
S_1988_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 0, 15, 5);
S_1989_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1990_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1991_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1992_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_16: /* 3 */
S_1993_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==0))))
			goto S_2823_17;
S_1994_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 0, 5);
S_1995_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_1996_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_1997_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_1998_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_17: /* 3 */
S_1999_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==1))))
			goto S_2823_18;
S_2000_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 1, 5);
S_2001_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2002_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2003_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2004_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_18: /* 3 */
S_2005_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==2))))
			goto S_2823_19;
S_2006_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 2, 1);
S_2007_0: /* 2 */
		now.cs = 1;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2008_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_19: /* 3 */
S_2009_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==3))))
			goto S_2823_20;
S_2010_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 3, 5);
S_2011_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2012_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2013_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2014_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_20: /* 3 */
S_2015_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==4))))
			goto S_2823_21;
S_2016_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 4, 0);
S_2043_0: /* 2 */
S_2017_0: /* 2 */
		if (!(((int)now.c_conn)))
			goto S_2043_1;
S_2018_0: /* 2 */
		now.c_conn = 0;
#ifdef VAR_RANGES
		logval("c_conn", ((int)now.c_conn));
#endif
		;
S_2019_0: /* 2 */
		now.k_conn = 0;
#ifdef VAR_RANGES
		logval("k_conn", ((int)now.k_conn));
#endif
		;
S_2020_0: /* 2 */
		now.c_hello = 0;
#ifdef VAR_RANGES
		logval("c_hello", ((int)now.c_hello));
#endif
		;
S_2021_0: /* 2 */
		now.c_dl = ((int)now.c_grace);
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
S_2022_0: /* 2 */
		now.c_dlf = 0;
#ifdef VAR_RANGES
		logval("c_dlf", ((int)now.c_dlf));
#endif
		;
S_2041_0: /* 2 */
S_2028_0: /* 2 */
S_2027_0: /* 2 */
S_2023_0: /* 2 */
		if (!((q_len(now.q0)>0)))
			goto S_2027_1;
S_2024_0: /* 2 */
		if (q_len(now.q0) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q0, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q0);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_2028_0; /* ';' */
S_2027_1: /* 3 */
S_2025_0: /* 2 */
		if (!((q_len(now.q0)==0)))
			goto S_2027_2;
S_2026_0: /* 2 */
		goto S_2034_0;	/* 'goto' */
S_2027_2: /* 3 */
		Uerror("blocking sel in d_step (nr.100, near line 254)");
S_2029_0: /* 2 */
		goto S_2034_0;	/* 'break' */
S_2035_0: /* 2 */
S_2034_0: /* 2 */
S_2030_0: /* 2 */
		if (!((q_len(now.q1)>0)))
			goto S_2034_1;
S_2031_0: /* 2 */
		if (q_len(now.q1) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q1, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q1);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_2035_0; /* ';' */
S_2034_1: /* 3 */
S_2032_0: /* 2 */
		if (!((q_len(now.q1)==0)))
			goto S_2034_2;
S_2033_0: /* 2 */
		goto S_2037_0;	/* 'goto' */
S_2034_2: /* 3 */
		Uerror("blocking sel in d_step (nr.101, near line 255)");
S_2036_0: /* 2 */
		goto S_2037_0;	/* 'break' */
S_2037_0: /* 2 */
		now.taint0 = 0;
#ifdef VAR_RANGES
		logval("taint0", ((int)now.taint0));
#endif
		;
S_2038_0: /* 2 */
		now.taint1 = 0;
#ifdef VAR_RANGES
		logval("taint1", ((int)now.taint1));
#endif
		;
S_2039_0: /* 2 */
		now.hage0 = 0;
#ifdef VAR_RANGES
		logval("hage0", ((int)now.hage0));
#endif
		;
S_2040_0: /* 2 */
		now.hage1 = 0;
#ifdef VAR_RANGES
		logval("hage1", ((int)now.hage1));
#endif
		;
		goto S_2044_0;
S_2043_1: /* 3 */
S_2042_0: /* 2 */
		/* else */;
		goto S_2044_0;
S_2043_2: /* 3 */
		Uerror("blocking sel in d_step (nr.102, near line 1067)");
S_2044_0: /* 2 */
S_2045_0: /* 2 */
		now.cs = 0;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2046_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_21: /* 3 */
S_2047_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==5))))
			goto S_2823_22;
S_2048_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 5, 0);
S_2075_0: /* 2 */
S_2049_0: /* 2 */
		if (!(((int)now.c_conn)))
			goto S_2075_1;
S_2050_0: /* 2 */
		now.c_conn = 0;
#ifdef VAR_RANGES
		logval("c_conn", ((int)now.c_conn));
#endif
		;
S_2051_0: /* 2 */
		now.k_conn = 0;
#ifdef VAR_RANGES
		logval("k_conn", ((int)now.k_conn));
#endif
		;
S_2052_0: /* 2 */
		now.c_hello = 0;
#ifdef VAR_RANGES
		logval("c_hello", ((int)now.c_hello));
#endif
		;
S_2053_0: /* 2 */
		now.c_dl = ((int)now.c_grace);
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
S_2054_0: /* 2 */
		now.c_dlf = 0;
#ifdef VAR_RANGES
		logval("c_dlf", ((int)now.c_dlf));
#endif
		;
S_2073_0: /* 2 */
S_2060_0: /* 2 */
S_2059_0: /* 2 */
S_2055_0: /* 2 */
		if (!((q_len(now.q0)>0)))
			goto S_2059_1;
S_2056_0: /* 2 */
		if (q_len(now.q0) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q0, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q0);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_2060_0; /* ';' */
S_2059_1: /* 3 */
S_2057_0: /* 2 */
		if (!((q_len(now.q0)==0)))
			goto S_2059_2;
S_2058_0: /* 2 */
		goto S_2066_0;	/* 'goto' */
S_2059_2: /* 3 */
		Uerror("blocking sel in d_step (nr.103, near line 254)");
S_2061_0: /* 2 */
		goto S_2066_0;	/* 'break' */
S_2067_0: /* 2 */
S_2066_0: /* 2 */
S_2062_0: /* 2 */
		if (!((q_len(now.q1)>0)))
			goto S_2066_1;
S_2063_0: /* 2 */
		if (q_len(now.q1) == 0) Uerror("block in d_step seq");

		XX=1;
		qrecv(now.q1, XX-1, 0, 1);
		
#ifdef HAS_CODE
		if (readtrail && gui) {
			char simtmp[32];
			sprintf(simvals, "%d?", now.q1);
		sprintf(simtmp, "%d", ((int)_)); strcat(simvals, simtmp);		}
#endif
		;
		goto S_2067_0; /* ';' */
S_2066_1: /* 3 */
S_2064_0: /* 2 */
		if (!((q_len(now.q1)==0)))
			goto S_2066_2;
S_2065_0: /* 2 */
		goto S_2069_0;	/* 'goto' */
S_2066_2: /* 3 */
		Uerror("blocking sel in d_step (nr.104, near line 255)");
S_2068_0: /* 2 */
		goto S_2069_0;	/* 'break' */
S_2069_0: /* 2 */
		now.taint0 = 0;
#ifdef VAR_RANGES
		logval("taint0", ((int)now.taint0));
#endif
		;
S_2070_0: /* 2 */
		now.taint1 = 0;
#ifdef VAR_RANGES
		logval("taint1", ((int)now.taint1));
#endif
		;
S_2071_0: /* 2 */
		now.hage0 = 0;
#ifdef VAR_RANGES
		logval("hage0", ((int)now.hage0));
#endif
		;
S_2072_0: /* 2 */
		now.hage1 = 0;
#ifdef VAR_RANGES
		logval("hage1", ((int)now.hage1));
#endif
		;
		goto S_2076_0;
S_2075_1: /* 3 */
S_2074_0: /* 2 */
		/* else */;
		goto S_2076_0;
S_2075_2: /* 3 */
		Uerror("blocking sel in d_step (nr.105, near line 1067)");
S_2076_0: /* 2 */
S_2077_0: /* 2 */
		now.cs = 0;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2078_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_22: /* 3 */
S_2079_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==6))))
			goto S_2823_23;
S_2080_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 6, 5);
S_2081_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2082_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2083_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2084_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_23: /* 3 */
S_2085_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==7))))
			goto S_2823_24;
S_2086_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 7, 6);
S_2087_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2088_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2089_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_24: /* 3 */
S_2090_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==8))))
			goto S_2823_25;
S_2091_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 8, 5);
S_2092_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2093_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2094_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2095_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_25: /* 3 */
S_2096_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==9))))
			goto S_2823_26;
S_2097_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 9, 5);
S_2098_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2099_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2100_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2101_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_26: /* 3 */
S_2102_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==10))))
			goto S_2823_27;
S_2108_0: /* 2 */
S_2103_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.c_keys)))))
			goto S_2108_1;
S_2104_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2105_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2109_0;
S_2108_1: /* 3 */
S_2106_0: /* 2 */
		/* else */;
S_2107_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2109_0;
S_2108_2: /* 3 */
		Uerror("blocking sel in d_step (nr.106, near line 1067)");
S_2109_0: /* 2 */
S_2110_0: /* 2 */
		now.ok = ((((((int)now.fT)==2)&&((int)now.fV))&&(((int)now.fX)==((int)now.c_att)))&&(((int)now.fS)!=3));
#ifdef VAR_RANGES
		logval("ok", ((int)now.ok));
#endif
		;
S_2165_0: /* 2 */
S_2111_0: /* 2 */
		if (!(((int)now.ok)))
			goto S_2165_1;
S_2112_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 10, 2);
S_2118_0: /* 2 */
S_2113_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !((((((int)now.fV)&&(((int)now.fX)==((int)now.c_att)))&& !(( ((((int)now.f)<31)) ? (((now.acc0>>((int)now.f))&1)) : (( ((((int)now.f)<62)) ? (((now.acc1>>(((int)now.f)-31))&1)) : (((now.acc2>>(((int)now.f)-62))&1)) )) )))&&(((((((int)now.fT)==2)&&((int)now.c_hello))&& !(((int)now.c_est)))||((((((int)now.fT)==4)&&((int)now.c_out))&&(((int)now.fE)==((int)now.c_epoch)))&&(((int)now.fC)==((int)now.c_ctr))))||(((((int)now.fT)==6)&&((int)now.c_pend))&&(((int)now.fE)==(((int)now.c_epoch)+1)))))))))
			goto S_2118_1;
S_2114_0: /* 2 */
		Printf("@violation %d\n", 1);
S_2115_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2119_0;
S_2118_1: /* 3 */
S_2116_0: /* 2 */
		/* else */;
S_2117_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2119_0;
S_2118_2: /* 3 */
		Uerror("blocking sel in d_step (nr.107, near line 1067)");
S_2119_0: /* 2 */
S_2128_0: /* 2 */
S_2126_0: /* 2 */
S_2120_0: /* 2 */
		if (!((((int)now.f)<31)))
			goto S_2126_1;
S_2121_0: /* 2 */
		now.acc0 = (now.acc0|(1<<((int)now.f)));
#ifdef VAR_RANGES
		logval("acc0", now.acc0);
#endif
		;
		goto S_2127_0;
S_2126_1: /* 3 */
S_2122_0: /* 2 */
		if (!(((((int)now.f)>=31)&&(((int)now.f)<62))))
			goto S_2126_2;
S_2123_0: /* 2 */
		now.acc1 = (now.acc1|(1<<(((int)now.f)-31)));
#ifdef VAR_RANGES
		logval("acc1", now.acc1);
#endif
		;
		goto S_2127_0;
S_2126_2: /* 3 */
S_2124_0: /* 2 */
		/* else */;
S_2125_0: /* 2 */
		now.acc2 = (now.acc2|(1<<(((int)now.f)-62)));
#ifdef VAR_RANGES
		logval("acc2", now.acc2);
#endif
		;
		goto S_2127_0;
S_2126_3: /* 3 */
		Uerror("blocking sel in d_step (nr.108, near line 238)");
S_2127_0: /* 2 */
		goto S_2129_0;
S_2129_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_2130_0: /* 2 */
		now.c_est = 1;
#ifdef VAR_RANGES
		logval("c_est", ((int)now.c_est));
#endif
		;
S_2131_0: /* 2 */
		now.c_exp = ((int)now.c_req);
#ifdef VAR_RANGES
		logval("c_exp", ((int)now.c_exp));
#endif
		;
S_2132_0: /* 2 */
		now.c_req = 255;
#ifdef VAR_RANGES
		logval("c_req", ((int)now.c_req));
#endif
		;
S_2138_0: /* 2 */
S_2136_0: /* 2 */
S_2133_0: /* 2 */
		if (!((((int)now.fS)==2)))
			goto S_2136_1;
S_2134_0: /* 2 */
		now.c_follow = 8;
#ifdef VAR_RANGES
		logval("c_follow", ((int)now.c_follow));
#endif
		;
		goto S_2137_0;
S_2136_1: /* 3 */
S_2135_0: /* 2 */
		/* else */;
		goto S_2137_0;
S_2136_2: /* 3 */
		Uerror("blocking sel in d_step (nr.109, near line 260)");
S_2137_0: /* 2 */
		goto S_2144_0;
S_2144_0: /* 2 */
S_2139_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.c_exp)!=255)))))
			goto S_2144_1;
S_2140_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2141_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2145_0;
S_2144_1: /* 3 */
S_2142_0: /* 2 */
		/* else */;
S_2143_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2145_0;
S_2144_2: /* 3 */
		Uerror("blocking sel in d_step (nr.110, near line 1067)");
S_2145_0: /* 2 */
S_2150_0: /* 2 */
S_2146_0: /* 2 */
		if (!((((int)now.c_exp)<=12)))
			goto S_2150_1;
S_2147_0: /* 2 */
		now.c_dl = (12-((int)now.c_exp));
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		goto S_2151_0;
S_2150_1: /* 3 */
S_2148_0: /* 2 */
		/* else */;
S_2149_0: /* 2 */
		now.c_dl = 0;
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		goto S_2151_0;
S_2150_2: /* 3 */
		Uerror("blocking sel in d_step (nr.111, near line 1067)");
S_2151_0: /* 2 */
S_2152_0: /* 2 */
		now.c_dlf = 0;
#ifdef VAR_RANGES
		logval("c_dlf", ((int)now.c_dlf));
#endif
		;
S_2153_0: /* 2 */
		now.cs = 2;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2154_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2166_0;
S_2165_1: /* 3 */
S_2155_0: /* 2 */
		/* else */;
S_2156_0: /* 2 */
		Printf("@reject 0 %d %d\n", 1, 10);
S_2162_0: /* 2 */
S_2157_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.cq)!=6)))))
			goto S_2162_1;
S_2158_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2159_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2163_0;
S_2162_1: /* 3 */
S_2160_0: /* 2 */
		/* else */;
S_2161_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2163_0;
S_2162_2: /* 3 */
		Uerror("blocking sel in d_step (nr.112, near line 1067)");
S_2163_0: /* 2 */
S_2164_0: /* 2 */
		now.cq = 6;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2166_0;
S_2165_2: /* 3 */
		Uerror("blocking sel in d_step (nr.113, near line 1067)");
S_2166_0: /* 2 */
		goto S_2824_0;
S_2823_27: /* 3 */
S_2167_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==11))))
			goto S_2823_28;
S_2168_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 11, 5);
S_2169_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2170_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2171_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2172_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_28: /* 3 */
S_2173_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==12))))
			goto S_2823_29;
S_2174_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 12, 5);
S_2175_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2176_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2177_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2178_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_29: /* 3 */
S_2179_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==13))))
			goto S_2823_30;
S_2180_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 13, 5);
S_2181_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2182_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2183_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2184_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_30: /* 3 */
S_2185_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==14))))
			goto S_2823_31;
S_2186_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 14, 5);
S_2187_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2188_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2189_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2190_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_31: /* 3 */
S_2191_0: /* 2 */
		if (!(((((int)now.cs)==1)&&(((int)now.cq)==15))))
			goto S_2823_32;
S_2192_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 1, 15, 5);
S_2193_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2194_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2195_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2196_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_32: /* 3 */
S_2197_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==0))))
			goto S_2823_33;
S_2198_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 0, 5);
S_2199_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2200_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2201_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2202_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_33: /* 3 */
S_2203_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==1))))
			goto S_2823_34;
S_2204_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 1, 5);
S_2205_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2206_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2207_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2208_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_34: /* 3 */
S_2209_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==2))))
			goto S_2823_35;
S_2210_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 2, 3);
S_2216_0: /* 2 */
S_2211_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.c_est)))))
			goto S_2216_1;
S_2212_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2213_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2217_0;
S_2216_1: /* 3 */
S_2214_0: /* 2 */
		/* else */;
S_2215_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2217_0;
S_2216_2: /* 3 */
		Uerror("blocking sel in d_step (nr.114, near line 1067)");
S_2217_0: /* 2 */
S_2235_0: /* 2 */
S_2218_0: /* 2 */
		if (!((((int)now.c_ctr)>=3)))
			goto S_2235_1;
S_2221_0: /* 2 */
S_2219_0: /* 2 */
		now.halt = 1;
#ifdef VAR_RANGES
		logval("halt", ((int)now.halt));
#endif
		;
S_2220_0: /* 2 */
		Printf("@bound\n");
		goto S_2236_0;
S_2235_1: /* 3 */
S_2222_0: /* 2 */
		/* else */;
S_2228_0: /* 2 */
S_2223_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !( !(((now.used>>((((int)now.c_epoch)*3)+((int)now.c_ctr)))&1))))))
			goto S_2228_1;
S_2224_0: /* 2 */
		Printf("@violation %d\n", 5);
S_2225_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2229_0;
S_2228_1: /* 3 */
S_2226_0: /* 2 */
		/* else */;
S_2227_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2229_0;
S_2228_2: /* 3 */
		Uerror("blocking sel in d_step (nr.115, near line 1067)");
S_2229_0: /* 2 */
S_2230_0: /* 2 */
		now.used = (now.used|(1<<((((int)now.c_epoch)*3)+((int)now.c_ctr))));
#ifdef VAR_RANGES
		logval("used", now.used);
#endif
		;
S_2231_0: /* 2 */
		now.c_out = 1;
#ifdef VAR_RANGES
		logval("c_out", ((int)now.c_out));
#endif
		;
S_2232_0: /* 2 */
		now.c_req = 0;
#ifdef VAR_RANGES
		logval("c_req", ((int)now.c_req));
#endif
		;
S_2233_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_2234_0: /* 2 */
		now.c_tx = ((11+(((int)now.c_epoch)*3))+((int)now.c_ctr));
#ifdef VAR_RANGES
		logval("c_tx", ((int)now.c_tx));
#endif
		;
		goto S_2236_0;
S_2235_2: /* 3 */
		Uerror("blocking sel in d_step (nr.116, near line 1067)");
S_2236_0: /* 2 */
S_2237_0: /* 2 */
		now.cs = 3;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2238_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_35: /* 3 */
S_2239_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==3))))
			goto S_2823_36;
S_2240_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 3, 5);
S_2241_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2242_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2243_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2244_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_36: /* 3 */
S_2245_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==4))))
			goto S_2823_37;
S_2246_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 4, 5);
S_2247_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2248_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2249_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2250_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_37: /* 3 */
S_2251_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==5))))
			goto S_2823_38;
S_2252_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 5, 5);
S_2253_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2254_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2255_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2256_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_38: /* 3 */
S_2257_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==6))))
			goto S_2823_39;
S_2258_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 6, 5);
S_2259_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2260_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2261_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2262_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_39: /* 3 */
S_2263_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==7))))
			goto S_2823_40;
S_2264_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 7, 6);
S_2265_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2266_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2267_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_40: /* 3 */
S_2268_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==8))))
			goto S_2823_41;
S_2269_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 8, 5);
S_2270_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2271_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2272_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2273_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_41: /* 3 */
S_2274_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==9))))
			goto S_2823_42;
S_2275_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 9, 5);
S_2276_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2277_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2278_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2279_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_42: /* 3 */
S_2280_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==10))))
			goto S_2823_43;
S_2281_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 10, 5);
S_2282_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2283_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2284_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2285_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_43: /* 3 */
S_2286_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==11))))
			goto S_2823_44;
S_2287_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 11, 5);
S_2288_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2289_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2290_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2291_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_44: /* 3 */
S_2292_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==12))))
			goto S_2823_45;
S_2293_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 12, 5);
S_2294_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2295_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2296_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2297_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_45: /* 3 */
S_2298_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==13))))
			goto S_2823_46;
S_2299_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 13, 5);
S_2300_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2301_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2302_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2303_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_46: /* 3 */
S_2304_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==14))))
			goto S_2823_47;
S_2305_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 14, 5);
S_2306_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2307_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2308_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2309_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_47: /* 3 */
S_2310_0: /* 2 */
		if (!(((((int)now.cs)==2)&&(((int)now.cq)==15))))
			goto S_2823_48;
S_2311_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 2, 15, 5);
S_2312_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2313_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2314_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2315_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_48: /* 3 */
S_2316_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==0))))
			goto S_2823_49;
S_2317_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 0, 5);
S_2318_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2319_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2320_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2321_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_49: /* 3 */
S_2322_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==1))))
			goto S_2823_50;
S_2323_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 1, 5);
S_2324_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2325_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2326_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2327_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_50: /* 3 */
S_2328_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==2))))
			goto S_2823_51;
S_2329_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 2, 3);
S_2330_0: /* 2 */
		now.cs = 3;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2331_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_51: /* 3 */
S_2332_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==3))))
			goto S_2823_52;
S_2333_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 3, 5);
S_2334_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2335_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2336_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2337_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_52: /* 3 */
S_2338_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==4))))
			goto S_2823_53;
S_2339_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 4, 5);
S_2340_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2341_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2342_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2343_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_53: /* 3 */
S_2344_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==5))))
			goto S_2823_54;
S_2345_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 5, 5);
S_2346_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2347_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2348_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2349_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_54: /* 3 */
S_2350_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==6))))
			goto S_2823_55;
S_2351_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 6, 5);
S_2352_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2353_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2354_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2355_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_55: /* 3 */
S_2356_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==7))))
			goto S_2823_56;
S_2357_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 7, 6);
S_2358_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2359_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2360_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_56: /* 3 */
S_2361_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==8))))
			goto S_2823_57;
S_2362_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 8, 5);
S_2363_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2364_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2365_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2366_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_57: /* 3 */
S_2367_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==9))))
			goto S_2823_58;
S_2368_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 9, 5);
S_2369_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2370_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2371_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2372_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_58: /* 3 */
S_2373_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==10))))
			goto S_2823_59;
S_2374_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 10, 5);
S_2375_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2376_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2377_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2378_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_59: /* 3 */
S_2379_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==11))))
			goto S_2823_60;
S_2380_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 11, 5);
S_2381_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2382_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2383_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2384_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_60: /* 3 */
S_2385_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==12))))
			goto S_2823_61;
S_2391_0: /* 2 */
S_2386_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.c_out)))))
			goto S_2391_1;
S_2387_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2388_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2392_0;
S_2391_1: /* 3 */
S_2389_0: /* 2 */
		/* else */;
S_2390_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2392_0;
S_2391_2: /* 3 */
		Uerror("blocking sel in d_step (nr.117, near line 1067)");
S_2392_0: /* 2 */
S_2393_0: /* 2 */
		now.ok = ((((((((int)now.fT)==4)&&((int)now.fV))&&(((int)now.fX)==((int)now.c_att)))&&(((int)now.fE)==((int)now.c_epoch)))&&(((int)now.fC)==((int)now.c_ctr)))&&(((int)now.fS)!=3));
#ifdef VAR_RANGES
		logval("ok", ((int)now.ok));
#endif
		;
S_2449_0: /* 2 */
S_2394_0: /* 2 */
		if (!(((int)now.ok)))
			goto S_2449_1;
S_2395_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 12, 2);
S_2401_0: /* 2 */
S_2396_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !((((((int)now.fV)&&(((int)now.fX)==((int)now.c_att)))&& !(( ((((int)now.f)<31)) ? (((now.acc0>>((int)now.f))&1)) : (( ((((int)now.f)<62)) ? (((now.acc1>>(((int)now.f)-31))&1)) : (((now.acc2>>(((int)now.f)-62))&1)) )) )))&&(((((((int)now.fT)==2)&&((int)now.c_hello))&& !(((int)now.c_est)))||((((((int)now.fT)==4)&&((int)now.c_out))&&(((int)now.fE)==((int)now.c_epoch)))&&(((int)now.fC)==((int)now.c_ctr))))||(((((int)now.fT)==6)&&((int)now.c_pend))&&(((int)now.fE)==(((int)now.c_epoch)+1)))))))))
			goto S_2401_1;
S_2397_0: /* 2 */
		Printf("@violation %d\n", 1);
S_2398_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2402_0;
S_2401_1: /* 3 */
S_2399_0: /* 2 */
		/* else */;
S_2400_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2402_0;
S_2401_2: /* 3 */
		Uerror("blocking sel in d_step (nr.118, near line 1067)");
S_2402_0: /* 2 */
S_2411_0: /* 2 */
S_2409_0: /* 2 */
S_2403_0: /* 2 */
		if (!((((int)now.f)<31)))
			goto S_2409_1;
S_2404_0: /* 2 */
		now.acc0 = (now.acc0|(1<<((int)now.f)));
#ifdef VAR_RANGES
		logval("acc0", now.acc0);
#endif
		;
		goto S_2410_0;
S_2409_1: /* 3 */
S_2405_0: /* 2 */
		if (!(((((int)now.f)>=31)&&(((int)now.f)<62))))
			goto S_2409_2;
S_2406_0: /* 2 */
		now.acc1 = (now.acc1|(1<<(((int)now.f)-31)));
#ifdef VAR_RANGES
		logval("acc1", now.acc1);
#endif
		;
		goto S_2410_0;
S_2409_2: /* 3 */
S_2407_0: /* 2 */
		/* else */;
S_2408_0: /* 2 */
		now.acc2 = (now.acc2|(1<<(((int)now.f)-62)));
#ifdef VAR_RANGES
		logval("acc2", now.acc2);
#endif
		;
		goto S_2410_0;
S_2409_3: /* 3 */
		Uerror("blocking sel in d_step (nr.119, near line 238)");
S_2410_0: /* 2 */
		goto S_2412_0;
S_2412_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_2413_0: /* 2 */
		now.c_out = 0;
#ifdef VAR_RANGES
		logval("c_out", ((int)now.c_out));
#endif
		;
S_2414_0: /* 2 */
		now.c_ctr = (((int)now.c_ctr)+1);
#ifdef VAR_RANGES
		logval("c_ctr", ((int)now.c_ctr));
#endif
		;
S_2415_0: /* 2 */
		now.c_exp = ((int)now.c_req);
#ifdef VAR_RANGES
		logval("c_exp", ((int)now.c_exp));
#endif
		;
S_2416_0: /* 2 */
		now.c_req = 255;
#ifdef VAR_RANGES
		logval("c_req", ((int)now.c_req));
#endif
		;
S_2422_0: /* 2 */
S_2420_0: /* 2 */
S_2417_0: /* 2 */
		if (!((((int)now.fS)==2)))
			goto S_2420_1;
S_2418_0: /* 2 */
		now.c_follow = 8;
#ifdef VAR_RANGES
		logval("c_follow", ((int)now.c_follow));
#endif
		;
		goto S_2421_0;
S_2420_1: /* 3 */
S_2419_0: /* 2 */
		/* else */;
		goto S_2421_0;
S_2420_2: /* 3 */
		Uerror("blocking sel in d_step (nr.120, near line 260)");
S_2421_0: /* 2 */
		goto S_2428_0;
S_2428_0: /* 2 */
S_2423_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.c_exp)!=255)))))
			goto S_2428_1;
S_2424_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2425_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2429_0;
S_2428_1: /* 3 */
S_2426_0: /* 2 */
		/* else */;
S_2427_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2429_0;
S_2428_2: /* 3 */
		Uerror("blocking sel in d_step (nr.121, near line 1067)");
S_2429_0: /* 2 */
S_2434_0: /* 2 */
S_2430_0: /* 2 */
		if (!((((int)now.c_exp)<=12)))
			goto S_2434_1;
S_2431_0: /* 2 */
		now.c_dl = (12-((int)now.c_exp));
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		goto S_2435_0;
S_2434_1: /* 3 */
S_2432_0: /* 2 */
		/* else */;
S_2433_0: /* 2 */
		now.c_dl = 0;
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		goto S_2435_0;
S_2434_2: /* 3 */
		Uerror("blocking sel in d_step (nr.122, near line 1067)");
S_2435_0: /* 2 */
S_2436_0: /* 2 */
		now.c_dlf = 0;
#ifdef VAR_RANGES
		logval("c_dlf", ((int)now.c_dlf));
#endif
		;
S_2437_0: /* 2 */
		now.cs = 2;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2438_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2450_0;
S_2449_1: /* 3 */
S_2439_0: /* 2 */
		/* else */;
S_2440_0: /* 2 */
		Printf("@reject 0 %d %d\n", 3, 12);
S_2446_0: /* 2 */
S_2441_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.cq)!=6)))))
			goto S_2446_1;
S_2442_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2443_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2447_0;
S_2446_1: /* 3 */
S_2444_0: /* 2 */
		/* else */;
S_2445_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2447_0;
S_2446_2: /* 3 */
		Uerror("blocking sel in d_step (nr.123, near line 1067)");
S_2447_0: /* 2 */
S_2448_0: /* 2 */
		now.cq = 6;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2450_0;
S_2449_2: /* 3 */
		Uerror("blocking sel in d_step (nr.124, near line 1067)");
S_2450_0: /* 2 */
		goto S_2824_0;
S_2823_61: /* 3 */
S_2451_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==13))))
			goto S_2823_62;
S_2457_0: /* 2 */
S_2452_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.c_out)))))
			goto S_2457_1;
S_2453_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2454_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2458_0;
S_2457_1: /* 3 */
S_2455_0: /* 2 */
		/* else */;
S_2456_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2458_0;
S_2457_2: /* 3 */
		Uerror("blocking sel in d_step (nr.125, near line 1067)");
S_2458_0: /* 2 */
S_2459_0: /* 2 */
		now.ok = ((((((((int)now.fT)==4)&&((int)now.fV))&&(((int)now.fX)==((int)now.c_att)))&&(((int)now.fE)==((int)now.c_epoch)))&&(((int)now.fC)==((int)now.c_ctr)))&&(((int)now.fS)!=3));
#ifdef VAR_RANGES
		logval("ok", ((int)now.ok));
#endif
		;
S_2533_0: /* 2 */
S_2460_0: /* 2 */
		if (!(((int)now.ok)))
			goto S_2533_1;
S_2461_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 13, 4);
S_2467_0: /* 2 */
S_2462_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !((((((int)now.fV)&&(((int)now.fX)==((int)now.c_att)))&& !(( ((((int)now.f)<31)) ? (((now.acc0>>((int)now.f))&1)) : (( ((((int)now.f)<62)) ? (((now.acc1>>(((int)now.f)-31))&1)) : (((now.acc2>>(((int)now.f)-62))&1)) )) )))&&(((((((int)now.fT)==2)&&((int)now.c_hello))&& !(((int)now.c_est)))||((((((int)now.fT)==4)&&((int)now.c_out))&&(((int)now.fE)==((int)now.c_epoch)))&&(((int)now.fC)==((int)now.c_ctr))))||(((((int)now.fT)==6)&&((int)now.c_pend))&&(((int)now.fE)==(((int)now.c_epoch)+1)))))))))
			goto S_2467_1;
S_2463_0: /* 2 */
		Printf("@violation %d\n", 1);
S_2464_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2468_0;
S_2467_1: /* 3 */
S_2465_0: /* 2 */
		/* else */;
S_2466_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2468_0;
S_2467_2: /* 3 */
		Uerror("blocking sel in d_step (nr.126, near line 1067)");
S_2468_0: /* 2 */
S_2477_0: /* 2 */
S_2475_0: /* 2 */
S_2469_0: /* 2 */
		if (!((((int)now.f)<31)))
			goto S_2475_1;
S_2470_0: /* 2 */
		now.acc0 = (now.acc0|(1<<((int)now.f)));
#ifdef VAR_RANGES
		logval("acc0", now.acc0);
#endif
		;
		goto S_2476_0;
S_2475_1: /* 3 */
S_2471_0: /* 2 */
		if (!(((((int)now.f)>=31)&&(((int)now.f)<62))))
			goto S_2475_2;
S_2472_0: /* 2 */
		now.acc1 = (now.acc1|(1<<(((int)now.f)-31)));
#ifdef VAR_RANGES
		logval("acc1", now.acc1);
#endif
		;
		goto S_2476_0;
S_2475_2: /* 3 */
S_2473_0: /* 2 */
		/* else */;
S_2474_0: /* 2 */
		now.acc2 = (now.acc2|(1<<(((int)now.f)-62)));
#ifdef VAR_RANGES
		logval("acc2", now.acc2);
#endif
		;
		goto S_2476_0;
S_2475_3: /* 3 */
		Uerror("blocking sel in d_step (nr.127, near line 238)");
S_2476_0: /* 2 */
		goto S_2478_0;
S_2478_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_2479_0: /* 2 */
		now.c_out = 0;
#ifdef VAR_RANGES
		logval("c_out", ((int)now.c_out));
#endif
		;
S_2480_0: /* 2 */
		now.c_ctr = (((int)now.c_ctr)+1);
#ifdef VAR_RANGES
		logval("c_ctr", ((int)now.c_ctr));
#endif
		;
S_2481_0: /* 2 */
		now.c_exp = ((int)now.c_req);
#ifdef VAR_RANGES
		logval("c_exp", ((int)now.c_exp));
#endif
		;
S_2482_0: /* 2 */
		now.c_req = 255;
#ifdef VAR_RANGES
		logval("c_req", ((int)now.c_req));
#endif
		;
S_2488_0: /* 2 */
S_2486_0: /* 2 */
S_2483_0: /* 2 */
		if (!((((int)now.fS)==2)))
			goto S_2486_1;
S_2484_0: /* 2 */
		now.c_follow = 8;
#ifdef VAR_RANGES
		logval("c_follow", ((int)now.c_follow));
#endif
		;
		goto S_2487_0;
S_2486_1: /* 3 */
S_2485_0: /* 2 */
		/* else */;
		goto S_2487_0;
S_2486_2: /* 3 */
		Uerror("blocking sel in d_step (nr.128, near line 260)");
S_2487_0: /* 2 */
		goto S_2494_0;
S_2494_0: /* 2 */
S_2489_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.c_exp)!=255)))))
			goto S_2494_1;
S_2490_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2491_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2495_0;
S_2494_1: /* 3 */
S_2492_0: /* 2 */
		/* else */;
S_2493_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2495_0;
S_2494_2: /* 3 */
		Uerror("blocking sel in d_step (nr.129, near line 1067)");
S_2495_0: /* 2 */
S_2500_0: /* 2 */
S_2496_0: /* 2 */
		if (!((((int)now.c_exp)<=12)))
			goto S_2500_1;
S_2497_0: /* 2 */
		now.c_dl = (12-((int)now.c_exp));
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		goto S_2501_0;
S_2500_1: /* 3 */
S_2498_0: /* 2 */
		/* else */;
S_2499_0: /* 2 */
		now.c_dl = 0;
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		goto S_2501_0;
S_2500_2: /* 3 */
		Uerror("blocking sel in d_step (nr.130, near line 1067)");
S_2501_0: /* 2 */
S_2502_0: /* 2 */
		now.c_dlf = 0;
#ifdef VAR_RANGES
		logval("c_dlf", ((int)now.c_dlf));
#endif
		;
S_2508_0: /* 2 */
S_2503_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.c_est)))))
			goto S_2508_1;
S_2504_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2505_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2509_0;
S_2508_1: /* 3 */
S_2506_0: /* 2 */
		/* else */;
S_2507_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2509_0;
S_2508_2: /* 3 */
		Uerror("blocking sel in d_step (nr.131, near line 1067)");
S_2509_0: /* 2 */
S_2519_0: /* 2 */
S_2510_0: /* 2 */
		if (!((((int)now.c_epoch)>=1)))
			goto S_2519_1;
S_2513_0: /* 2 */
S_2511_0: /* 2 */
		now.halt = 1;
#ifdef VAR_RANGES
		logval("halt", ((int)now.halt));
#endif
		;
S_2512_0: /* 2 */
		Printf("@bound\n");
		goto S_2520_0;
S_2519_1: /* 3 */
S_2514_0: /* 2 */
		/* else */;
S_2515_0: /* 2 */
		now.c_pend = 1;
#ifdef VAR_RANGES
		logval("c_pend", ((int)now.c_pend));
#endif
		;
S_2516_0: /* 2 */
		now.c_req = 0;
#ifdef VAR_RANGES
		logval("c_req", ((int)now.c_req));
#endif
		;
S_2517_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_2518_0: /* 2 */
		now.c_tx = (41+((int)now.c_epoch));
#ifdef VAR_RANGES
		logval("c_tx", ((int)now.c_tx));
#endif
		;
		goto S_2520_0;
S_2519_2: /* 3 */
		Uerror("blocking sel in d_step (nr.132, near line 1067)");
S_2520_0: /* 2 */
S_2521_0: /* 2 */
		now.cs = 4;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2522_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2534_0;
S_2533_1: /* 3 */
S_2523_0: /* 2 */
		/* else */;
S_2524_0: /* 2 */
		Printf("@reject 0 %d %d\n", 3, 13);
S_2530_0: /* 2 */
S_2525_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.cq)!=6)))))
			goto S_2530_1;
S_2526_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2527_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2531_0;
S_2530_1: /* 3 */
S_2528_0: /* 2 */
		/* else */;
S_2529_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2531_0;
S_2530_2: /* 3 */
		Uerror("blocking sel in d_step (nr.133, near line 1067)");
S_2531_0: /* 2 */
S_2532_0: /* 2 */
		now.cq = 6;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2534_0;
S_2533_2: /* 3 */
		Uerror("blocking sel in d_step (nr.134, near line 1067)");
S_2534_0: /* 2 */
		goto S_2824_0;
S_2823_62: /* 3 */
S_2535_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==14))))
			goto S_2823_63;
S_2536_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 14, 5);
S_2537_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2538_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2539_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2540_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_63: /* 3 */
S_2541_0: /* 2 */
		if (!(((((int)now.cs)==3)&&(((int)now.cq)==15))))
			goto S_2823_64;
S_2542_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 3, 15, 5);
S_2543_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2544_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2545_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2546_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_64: /* 3 */
S_2547_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==0))))
			goto S_2823_65;
S_2548_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 0, 5);
S_2549_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2550_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2551_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2552_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_65: /* 3 */
S_2553_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==1))))
			goto S_2823_66;
S_2554_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 1, 5);
S_2555_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2556_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2557_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2558_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_66: /* 3 */
S_2559_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==2))))
			goto S_2823_67;
S_2560_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 2, 4);
S_2561_0: /* 2 */
		now.cs = 4;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2562_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_67: /* 3 */
S_2563_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==3))))
			goto S_2823_68;
S_2564_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 3, 5);
S_2565_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2566_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2567_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2568_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_68: /* 3 */
S_2569_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==4))))
			goto S_2823_69;
S_2570_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 4, 5);
S_2571_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2572_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2573_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2574_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_69: /* 3 */
S_2575_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==5))))
			goto S_2823_70;
S_2576_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 5, 5);
S_2577_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2578_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2579_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2580_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_70: /* 3 */
S_2581_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==6))))
			goto S_2823_71;
S_2582_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 6, 5);
S_2583_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2584_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2585_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2586_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_71: /* 3 */
S_2587_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==7))))
			goto S_2823_72;
S_2588_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 7, 6);
S_2589_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2590_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2591_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_72: /* 3 */
S_2592_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==8))))
			goto S_2823_73;
S_2593_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 8, 5);
S_2594_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2595_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2596_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2597_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_73: /* 3 */
S_2598_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==9))))
			goto S_2823_74;
S_2599_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 9, 5);
S_2600_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2601_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2602_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2603_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_74: /* 3 */
S_2604_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==10))))
			goto S_2823_75;
S_2605_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 10, 5);
S_2606_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2607_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2608_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2609_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_75: /* 3 */
S_2610_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==11))))
			goto S_2823_76;
S_2611_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 11, 5);
S_2612_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2613_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2614_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2615_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_76: /* 3 */
S_2616_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==12))))
			goto S_2823_77;
S_2617_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 12, 5);
S_2618_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2619_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2620_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2621_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_77: /* 3 */
S_2622_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==13))))
			goto S_2823_78;
S_2623_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 13, 5);
S_2624_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2625_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2626_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2627_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_78: /* 3 */
S_2628_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==14))))
			goto S_2823_79;
S_2629_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 14, 5);
S_2630_0: /* 2 */
		now.c_locked = 1;
#ifdef VAR_RANGES
		logval("c_locked", ((int)now.c_locked));
#endif
		;
S_2631_0: /* 2 */
		now.c_hup = 1;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2632_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2633_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_79: /* 3 */
S_2634_0: /* 2 */
		if (!(((((int)now.cs)==4)&&(((int)now.cq)==15))))
			goto S_2823_80;
S_2640_0: /* 2 */
S_2635_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !(((int)now.c_pend)))))
			goto S_2640_1;
S_2636_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2637_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2641_0;
S_2640_1: /* 3 */
S_2638_0: /* 2 */
		/* else */;
S_2639_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2641_0;
S_2640_2: /* 3 */
		Uerror("blocking sel in d_step (nr.135, near line 1067)");
S_2641_0: /* 2 */
S_2642_0: /* 2 */
		now.ok = ((((((int)now.fT)==6)&&((int)now.fV))&&(((int)now.fX)==((int)now.c_att)))&&(((int)now.fE)==(((int)now.c_epoch)+1)));
#ifdef VAR_RANGES
		logval("ok", ((int)now.ok));
#endif
		;
S_2693_0: /* 2 */
S_2643_0: /* 2 */
		if (!(((int)now.ok)))
			goto S_2693_1;
S_2644_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 4, 15, 2);
S_2650_0: /* 2 */
S_2645_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !((((((int)now.fV)&&(((int)now.fX)==((int)now.c_att)))&& !(( ((((int)now.f)<31)) ? (((now.acc0>>((int)now.f))&1)) : (( ((((int)now.f)<62)) ? (((now.acc1>>(((int)now.f)-31))&1)) : (((now.acc2>>(((int)now.f)-62))&1)) )) )))&&(((((((int)now.fT)==2)&&((int)now.c_hello))&& !(((int)now.c_est)))||((((((int)now.fT)==4)&&((int)now.c_out))&&(((int)now.fE)==((int)now.c_epoch)))&&(((int)now.fC)==((int)now.c_ctr))))||(((((int)now.fT)==6)&&((int)now.c_pend))&&(((int)now.fE)==(((int)now.c_epoch)+1)))))))))
			goto S_2650_1;
S_2646_0: /* 2 */
		Printf("@violation %d\n", 1);
S_2647_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2651_0;
S_2650_1: /* 3 */
S_2648_0: /* 2 */
		/* else */;
S_2649_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2651_0;
S_2650_2: /* 3 */
		Uerror("blocking sel in d_step (nr.136, near line 1067)");
S_2651_0: /* 2 */
S_2660_0: /* 2 */
S_2658_0: /* 2 */
S_2652_0: /* 2 */
		if (!((((int)now.f)<31)))
			goto S_2658_1;
S_2653_0: /* 2 */
		now.acc0 = (now.acc0|(1<<((int)now.f)));
#ifdef VAR_RANGES
		logval("acc0", now.acc0);
#endif
		;
		goto S_2659_0;
S_2658_1: /* 3 */
S_2654_0: /* 2 */
		if (!(((((int)now.f)>=31)&&(((int)now.f)<62))))
			goto S_2658_2;
S_2655_0: /* 2 */
		now.acc1 = (now.acc1|(1<<(((int)now.f)-31)));
#ifdef VAR_RANGES
		logval("acc1", now.acc1);
#endif
		;
		goto S_2659_0;
S_2658_2: /* 3 */
S_2656_0: /* 2 */
		/* else */;
S_2657_0: /* 2 */
		now.acc2 = (now.acc2|(1<<(((int)now.f)-62)));
#ifdef VAR_RANGES
		logval("acc2", now.acc2);
#endif
		;
		goto S_2659_0;
S_2658_3: /* 3 */
		Uerror("blocking sel in d_step (nr.137, near line 238)");
S_2659_0: /* 2 */
		goto S_2661_0;
S_2661_0: /* 2 */
		now.acted = 1;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_2662_0: /* 2 */
		now.c_epoch = (((int)now.c_epoch)+1);
#ifdef VAR_RANGES
		logval("c_epoch", ((int)now.c_epoch));
#endif
		;
S_2663_0: /* 2 */
		now.c_ctr = 0;
#ifdef VAR_RANGES
		logval("c_ctr", ((int)now.c_ctr));
#endif
		;
S_2664_0: /* 2 */
		now.c_pend = 0;
#ifdef VAR_RANGES
		logval("c_pend", ((int)now.c_pend));
#endif
		;
S_2665_0: /* 2 */
		now.c_exp = ((int)now.c_req);
#ifdef VAR_RANGES
		logval("c_exp", ((int)now.c_exp));
#endif
		;
S_2666_0: /* 2 */
		now.c_req = 255;
#ifdef VAR_RANGES
		logval("c_req", ((int)now.c_req));
#endif
		;
S_2672_0: /* 2 */
S_2667_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.c_exp)!=255)))))
			goto S_2672_1;
S_2668_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2669_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2673_0;
S_2672_1: /* 3 */
S_2670_0: /* 2 */
		/* else */;
S_2671_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2673_0;
S_2672_2: /* 3 */
		Uerror("blocking sel in d_step (nr.138, near line 1067)");
S_2673_0: /* 2 */
S_2678_0: /* 2 */
S_2674_0: /* 2 */
		if (!((((int)now.c_exp)<=12)))
			goto S_2678_1;
S_2675_0: /* 2 */
		now.c_dl = (12-((int)now.c_exp));
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		goto S_2679_0;
S_2678_1: /* 3 */
S_2676_0: /* 2 */
		/* else */;
S_2677_0: /* 2 */
		now.c_dl = 0;
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
		goto S_2679_0;
S_2678_2: /* 3 */
		Uerror("blocking sel in d_step (nr.139, near line 1067)");
S_2679_0: /* 2 */
S_2680_0: /* 2 */
		now.c_dlf = 0;
#ifdef VAR_RANGES
		logval("c_dlf", ((int)now.c_dlf));
#endif
		;
S_2681_0: /* 2 */
		now.cs = 2;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2682_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2694_0;
S_2693_1: /* 3 */
S_2683_0: /* 2 */
		/* else */;
S_2684_0: /* 2 */
		Printf("@reject 0 %d %d\n", 4, 15);
S_2690_0: /* 2 */
S_2685_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !((((int)now.cq)!=6)))))
			goto S_2690_1;
S_2686_0: /* 2 */
		Printf("@violation %d\n", 0);
S_2687_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2691_0;
S_2690_1: /* 3 */
S_2688_0: /* 2 */
		/* else */;
S_2689_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2691_0;
S_2690_2: /* 3 */
		Uerror("blocking sel in d_step (nr.140, near line 1067)");
S_2691_0: /* 2 */
S_2692_0: /* 2 */
		now.cq = 6;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2694_0;
S_2693_2: /* 3 */
		Uerror("blocking sel in d_step (nr.141, near line 1067)");
S_2694_0: /* 2 */
		goto S_2824_0;
S_2823_80: /* 3 */
S_2695_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==0))))
			goto S_2823_81;
S_2696_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 0, 5);
S_2697_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2698_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_81: /* 3 */
S_2699_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==1))))
			goto S_2823_82;
S_2700_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 1, 5);
S_2701_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2702_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_82: /* 3 */
S_2703_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==2))))
			goto S_2823_83;
S_2704_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 2, 5);
S_2705_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2706_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_83: /* 3 */
S_2707_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==3))))
			goto S_2823_84;
S_2708_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 3, 5);
S_2709_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2710_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_84: /* 3 */
S_2711_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==4))))
			goto S_2823_85;
S_2712_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 4, 5);
S_2713_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2714_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_85: /* 3 */
S_2715_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==5))))
			goto S_2823_86;
S_2716_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 5, 5);
S_2717_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2718_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_86: /* 3 */
S_2719_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==6))))
			goto S_2823_87;
S_2720_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 6, 5);
S_2721_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2722_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_87: /* 3 */
S_2723_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==7))))
			goto S_2823_88;
S_2724_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 7, 5);
S_2725_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2726_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_88: /* 3 */
S_2727_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==8))))
			goto S_2823_89;
S_2728_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 8, 5);
S_2729_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2730_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_89: /* 3 */
S_2731_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==9))))
			goto S_2823_90;
S_2732_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 9, 5);
S_2733_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2734_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_90: /* 3 */
S_2735_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==10))))
			goto S_2823_91;
S_2736_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 10, 5);
S_2737_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2738_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_91: /* 3 */
S_2739_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==11))))
			goto S_2823_92;
S_2740_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 11, 5);
S_2741_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2742_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_92: /* 3 */
S_2743_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==12))))
			goto S_2823_93;
S_2744_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 12, 5);
S_2745_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2746_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_93: /* 3 */
S_2747_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==13))))
			goto S_2823_94;
S_2748_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 13, 5);
S_2749_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2750_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_94: /* 3 */
S_2751_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==14))))
			goto S_2823_95;
S_2752_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 14, 5);
S_2753_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2754_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_95: /* 3 */
S_2755_0: /* 2 */
		if (!(((((int)now.cs)==5)&&(((int)now.cq)==15))))
			goto S_2823_96;
S_2756_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 5, 15, 5);
S_2757_0: /* 2 */
		now.cs = 5;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2758_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_96: /* 3 */
S_2759_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==0))))
			goto S_2823_97;
S_2760_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 0, 6);
S_2761_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2762_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_97: /* 3 */
S_2763_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==1))))
			goto S_2823_98;
S_2764_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 1, 6);
S_2765_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2766_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_98: /* 3 */
S_2767_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==2))))
			goto S_2823_99;
S_2768_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 2, 6);
S_2769_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2770_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_99: /* 3 */
S_2771_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==3))))
			goto S_2823_100;
S_2772_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 3, 6);
S_2773_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2774_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_100: /* 3 */
S_2775_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==4))))
			goto S_2823_101;
S_2776_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 4, 6);
S_2777_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2778_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_101: /* 3 */
S_2779_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==5))))
			goto S_2823_102;
S_2780_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 5, 6);
S_2781_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2782_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_102: /* 3 */
S_2783_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==6))))
			goto S_2823_103;
S_2784_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 6, 6);
S_2785_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2786_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_103: /* 3 */
S_2787_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==7))))
			goto S_2823_104;
S_2788_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 7, 6);
S_2789_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2790_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_104: /* 3 */
S_2791_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==8))))
			goto S_2823_105;
S_2792_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 8, 6);
S_2793_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2794_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_105: /* 3 */
S_2795_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==9))))
			goto S_2823_106;
S_2796_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 9, 6);
S_2797_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2798_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_106: /* 3 */
S_2799_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==10))))
			goto S_2823_107;
S_2800_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 10, 6);
S_2801_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2802_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_107: /* 3 */
S_2803_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==11))))
			goto S_2823_108;
S_2804_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 11, 6);
S_2805_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2806_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_108: /* 3 */
S_2807_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==12))))
			goto S_2823_109;
S_2808_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 12, 6);
S_2809_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2810_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_109: /* 3 */
S_2811_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==13))))
			goto S_2823_110;
S_2812_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 13, 6);
S_2813_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2814_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_110: /* 3 */
S_2815_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==14))))
			goto S_2823_111;
S_2816_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 14, 6);
S_2817_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2818_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_111: /* 3 */
S_2819_0: /* 2 */
		if (!(((((int)now.cs)==6)&&(((int)now.cq)==15))))
			goto S_2823_112;
S_2820_0: /* 2 */
		Printf("@row 0 %d %d %d\n", 6, 15, 6);
S_2821_0: /* 2 */
		now.cs = 6;
#ifdef VAR_RANGES
		logval("cs", ((int)now.cs));
#endif
		;
S_2822_0: /* 2 */
		now.cq = ((int)now.c_follow);
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
		goto S_2824_0;
S_2823_112: /* 3 */
		Uerror("blocking sel in d_step (nr.142, near line 1067)");
S_2824_0: /* 2 */
S_2825_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2830_0; /* ';' */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 42: // STATE 2943 - kit/keycrypt_kit/model/generated/kcp1.pml:1068 - [D_STEP1068]
		if (!(((boq == -1 && (((int)now.rcv)==1))) || ((boq == -1 && (((int)now.rcv)==0))) || (boq == -1 /* else */)))
			continue;

		reached[0][2943] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;


		reached[0][2943] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		sv_save();
		S_2851_0: /* 2 */
S_2849_0: /* 2 */
S_2832_0: /* 2 */
		if (!((((int)now.rcv)==1)))
			goto S_2849_1;
S_2838_0: /* 2 */
S_2833_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !((((int)now.genuine)||(( !( !(((((int)now.cs)==6)||(((int)now.cs)==5))))|| !(((int)now.c_conn)))&& !(((int)now.acted))))))))
			goto S_2838_1;
S_2834_0: /* 2 */
		Printf("@violation %d\n", 2);
S_2835_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2839_0;
S_2838_1: /* 3 */
S_2836_0: /* 2 */
		/* else */;
S_2837_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2839_0;
S_2838_2: /* 3 */
		Uerror("blocking sel in d_step (nr.143, near line 978)");
S_2839_0: /* 2 */
		goto S_2850_0;
S_2849_1: /* 3 */
S_2840_0: /* 2 */
		if (!((((int)now.rcv)==0)))
			goto S_2849_2;
S_2846_0: /* 2 */
S_2841_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !(((((int)now.genuine)||((int)now.peer_adv))||( !( !((((int)now.ks)==3)))&& !(((int)now.acted))))))))
			goto S_2846_1;
S_2842_0: /* 2 */
		Printf("@violation %d\n", 2);
S_2843_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2847_0;
S_2846_1: /* 3 */
S_2844_0: /* 2 */
		/* else */;
S_2845_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2847_0;
S_2846_2: /* 3 */
		Uerror("blocking sel in d_step (nr.144, near line 979)");
S_2847_0: /* 2 */
		goto S_2850_0;
S_2849_2: /* 3 */
S_2848_0: /* 2 */
		/* else */;
		goto S_2850_0;
S_2849_3: /* 3 */
		Uerror("blocking sel in d_step (nr.145, near line 978)");
S_2850_0: /* 2 */
		goto S_2941_0;
S_2941_0: /* 2 */
S_2857_0: /* 2 */
S_2852_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !((( !( !(((((int)now.cs)==6)||(((int)now.cs)==5))))||(((int)now.c_exp)==255))||(((int)now.c_exp)<=12))))))
			goto S_2857_1;
S_2853_0: /* 2 */
		Printf("@violation %d\n", 3);
S_2854_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2858_0;
S_2857_1: /* 3 */
S_2855_0: /* 2 */
		/* else */;
S_2856_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2858_0;
S_2857_2: /* 3 */
		Uerror("blocking sel in d_step (nr.146, near line 984)");
S_2858_0: /* 2 */
S_2864_0: /* 2 */
S_2859_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !((( !( !(((((int)now.cs)==6)||(((int)now.cs)==5))))|| !((((((int)now.cs)==1)||(((int)now.cs)==3))||(((int)now.cs)==4))))||((((int)now.c_dl)!=255)&& !(((((int)now.c_dl)==0)&&((int)now.c_dlf)))))))))
			goto S_2864_1;
S_2860_0: /* 2 */
		Printf("@violation %d\n", 4);
S_2861_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2865_0;
S_2864_1: /* 3 */
S_2862_0: /* 2 */
		/* else */;
S_2863_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2865_0;
S_2864_2: /* 3 */
		Uerror("blocking sel in d_step (nr.147, near line 987)");
S_2865_0: /* 2 */
S_2871_0: /* 2 */
S_2866_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !((( !((((int)now.k_conn)&& !((((int)now.ks)==3))))|| !((((((int)now.ks)==0)||(((int)now.ks)==2))||(((int)now.ks)==1))))||((((int)now.k_to)!=255)&& !(((((int)now.k_to)==0)&&((int)now.k_tof)))))))))
			goto S_2871_1;
S_2867_0: /* 2 */
		Printf("@violation %d\n", 4);
S_2868_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2872_0;
S_2871_1: /* 3 */
S_2869_0: /* 2 */
		/* else */;
S_2870_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2872_0;
S_2871_2: /* 3 */
		Uerror("blocking sel in d_step (nr.148, near line 988)");
S_2872_0: /* 2 */
S_2878_0: /* 2 */
S_2873_0: /* 2 */
		if (!(((0&& !(((int)now.halt)))&& !((( !((((( !(((((int)now.cs)==6)||(((int)now.cs)==5)))&&((int)now.c_est))&&((int)now.k_conn))&& !((((int)now.ks)==3)))&&(((int)now.k_sess)==((int)now.c_att))))||(((int)now.k_epoch)==((int)now.c_epoch)))||(((int)now.c_pend)&&(((int)now.k_epoch)==(((int)now.c_epoch)+1))))))))
			goto S_2878_1;
S_2874_0: /* 2 */
		Printf("@violation %d\n", 6);
S_2875_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2879_0;
S_2878_1: /* 3 */
S_2876_0: /* 2 */
		/* else */;
S_2877_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2879_0;
S_2878_2: /* 3 */
		Uerror("blocking sel in d_step (nr.149, near line 989)");
S_2879_0: /* 2 */
S_2885_0: /* 2 */
S_2880_0: /* 2 */
		if (!(((1&& !(((int)now.halt)))&& !( !(((int)now.c_locked))))))
			goto S_2885_1;
S_2881_0: /* 2 */
		Printf("@violation %d\n", 7);
S_2882_0: /* 2 */
		spin_assert(0, "0", II, tt, t);
		goto S_2886_0;
S_2885_1: /* 3 */
S_2883_0: /* 2 */
		/* else */;
S_2884_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_2886_0;
S_2885_2: /* 3 */
		Uerror("blocking sel in d_step (nr.150, near line 990)");
S_2886_0: /* 2 */
S_2887_0: /* 2 */
		now.fl[0] = 0;
#ifdef VAR_RANGES
		logval("fl[0]", ((int)now.fl[0]));
#endif
		;
S_2888_0: /* 2 */
		lk[0] = 0;
#ifdef VAR_RANGES
		logval("lk[0]", ((int)lk[0]));
#endif
		;
S_2889_0: /* 2 */
		wn[0] = 0;
#ifdef VAR_RANGES
		logval("wn[0]", ((int)wn[0]));
#endif
		;
S_2890_0: /* 2 */
		now.dp[0] = 0;
#ifdef VAR_RANGES
		logval("dp[0]", now.dp[0]);
#endif
		;
S_2891_0: /* 2 */
		dr[0] = 0;
#ifdef VAR_RANGES
		logval("dr[0]", ((int)dr[0]));
#endif
		;
S_2892_0: /* 2 */
		now.shf[0] = 0;
#ifdef VAR_RANGES
		logval("shf[0]", ((int)now.shf[0]));
#endif
		;
S_2893_0: /* 2 */
		shl[0] = 0;
#ifdef VAR_RANGES
		logval("shl[0]", ((int)shl[0]));
#endif
		;
S_2902_0: /* 2 */
S_2894_0: /* 2 */
		if (!( !( !(((((int)now.cs)==6)||(((int)now.cs)==5))))))
			goto S_2902_1;
S_2895_0: /* 2 */
		now.c_dl = 255;
#ifdef VAR_RANGES
		logval("c_dl", ((int)now.c_dl));
#endif
		;
S_2896_0: /* 2 */
		now.c_dlf = 0;
#ifdef VAR_RANGES
		logval("c_dlf", ((int)now.c_dlf));
#endif
		;
S_2897_0: /* 2 */
		now.c_hb = 0;
#ifdef VAR_RANGES
		logval("c_hb", ((int)now.c_hb));
#endif
		;
S_2898_0: /* 2 */
		now.c_req = 255;
#ifdef VAR_RANGES
		logval("c_req", ((int)now.c_req));
#endif
		;
S_2899_0: /* 2 */
		now.c_exp = 255;
#ifdef VAR_RANGES
		logval("c_exp", ((int)now.c_exp));
#endif
		;
S_2900_0: /* 2 */
		now.c_grace = 255;
#ifdef VAR_RANGES
		logval("c_grace", ((int)now.c_grace));
#endif
		;
		goto S_2903_0;
S_2902_1: /* 3 */
S_2901_0: /* 2 */
		/* else */;
		goto S_2903_0;
S_2902_2: /* 3 */
		Uerror("blocking sel in d_step (nr.151, near line 998)");
S_2903_0: /* 2 */
S_2907_0: /* 2 */
S_2904_0: /* 2 */
		if (!(((int)now.c_est)))
			goto S_2907_1;
S_2905_0: /* 2 */
		now.c_grace = 255;
#ifdef VAR_RANGES
		logval("c_grace", ((int)now.c_grace));
#endif
		;
		goto S_2908_0;
S_2907_1: /* 3 */
S_2906_0: /* 2 */
		/* else */;
		goto S_2908_0;
S_2907_2: /* 3 */
		Uerror("blocking sel in d_step (nr.152, near line 999)");
S_2908_0: /* 2 */
S_2913_0: /* 2 */
S_2909_0: /* 2 */
		if (!( !( !((((int)now.ks)==3)))))
			goto S_2913_1;
S_2910_0: /* 2 */
		now.k_to = 255;
#ifdef VAR_RANGES
		logval("k_to", ((int)now.k_to));
#endif
		;
S_2911_0: /* 2 */
		now.k_tof = 0;
#ifdef VAR_RANGES
		logval("k_tof", ((int)now.k_tof));
#endif
		;
		goto S_2914_0;
S_2913_1: /* 3 */
S_2912_0: /* 2 */
		/* else */;
		goto S_2914_0;
S_2913_2: /* 3 */
		Uerror("blocking sel in d_step (nr.153, near line 1000)");
S_2914_0: /* 2 */
S_2915_0: /* 2 */
		now.rcv = 255;
#ifdef VAR_RANGES
		logval("rcv", ((int)now.rcv));
#endif
		;
S_2916_0: /* 2 */
		now.genuine = 0;
#ifdef VAR_RANGES
		logval("genuine", ((int)now.genuine));
#endif
		;
S_2917_0: /* 2 */
		now.x = 0;
#ifdef VAR_RANGES
		logval("x", ((int)now.x));
#endif
		;
S_2918_0: /* 2 */
		now.wreq = 0;
#ifdef VAR_RANGES
		logval("wreq", ((int)now.wreq));
#endif
		;
S_2919_0: /* 2 */
		now.cp = 0;
#ifdef VAR_RANGES
		logval("cp", ((int)now.cp));
#endif
		;
S_2920_0: /* 2 */
		now.cq = 255;
#ifdef VAR_RANGES
		logval("cq", ((int)now.cq));
#endif
		;
S_2921_0: /* 2 */
		now.kq = 255;
#ifdef VAR_RANGES
		logval("kq", ((int)now.kq));
#endif
		;
S_2922_0: /* 2 */
		now.dq = 255;
#ifdef VAR_RANGES
		logval("dq", ((int)now.dq));
#endif
		;
S_2923_0: /* 2 */
		now.f = 0;
#ifdef VAR_RANGES
		logval("f", ((int)now.f));
#endif
		;
S_2924_0: /* 2 */
		now.fT = 0;
#ifdef VAR_RANGES
		logval("fT", ((int)now.fT));
#endif
		;
S_2925_0: /* 2 */
		now.fE = 0;
#ifdef VAR_RANGES
		logval("fE", ((int)now.fE));
#endif
		;
S_2926_0: /* 2 */
		now.fC = 0;
#ifdef VAR_RANGES
		logval("fC", ((int)now.fC));
#endif
		;
S_2927_0: /* 2 */
		now.fS = 0;
#ifdef VAR_RANGES
		logval("fS", ((int)now.fS));
#endif
		;
S_2928_0: /* 2 */
		now.fX = 0;
#ifdef VAR_RANGES
		logval("fX", ((int)now.fX));
#endif
		;
S_2929_0: /* 2 */
		now.fV = 0;
#ifdef VAR_RANGES
		logval("fV", ((int)now.fV));
#endif
		;
S_2930_0: /* 2 */
		now.c_follow = 0;
#ifdef VAR_RANGES
		logval("c_follow", ((int)now.c_follow));
#endif
		;
S_2931_0: /* 2 */
		now.acted = 0;
#ifdef VAR_RANGES
		logval("acted", ((int)now.acted));
#endif
		;
S_2932_0: /* 2 */
		now.ok = 0;
#ifdef VAR_RANGES
		logval("ok", ((int)now.ok));
#endif
		;
S_2933_0: /* 2 */
		was = 0;
#ifdef VAR_RANGES
		logval("was", ((int)was));
#endif
		;
S_2934_0: /* 2 */
		now.peer_adv = 0;
#ifdef VAR_RANGES
		logval("peer_adv", ((int)now.peer_adv));
#endif
		;
S_2935_0: /* 2 */
		now.c_tx = 0;
#ifdef VAR_RANGES
		logval("c_tx", ((int)now.c_tx));
#endif
		;
S_2936_0: /* 2 */
		now.k_tx = 0;
#ifdef VAR_RANGES
		logval("k_tx", ((int)now.k_tx));
#endif
		;
S_2937_0: /* 2 */
		now.c_hup = 0;
#ifdef VAR_RANGES
		logval("c_hup", ((int)now.c_hup));
#endif
		;
S_2938_0: /* 2 */
		now.k_hup = 0;
#ifdef VAR_RANGES
		logval("k_hup", ((int)now.k_hup));
#endif
		;
S_2939_0: /* 2 */
		now.sd = 0;
#ifdef VAR_RANGES
		logval("sd", ((int)now.sd));
#endif
		;
S_2940_0: /* 2 */
		now.sf = 0;
#ifdef VAR_RANGES
		logval("sf", ((int)now.sf));
#endif
		;
		goto S_2945_0;
S_2945_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 43: // STATE 2948 - kit/keycrypt_kit/model/generated/kcp1.pml:1069 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[0][2948] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */
	case  _T5:	/* np_ */
		if (!((!(trpt->o_pm&4) && !(trpt->tau&128))))
			continue;
		/* else fall through */
	case  _T2:	/* true */
		_m = 3; goto P999;
#undef rand
	}

