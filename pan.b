	switch (t->back) {
	default: Uerror("bad return move");
	case  0: goto R999; /* nothing to undo */

		 /* PROC :init: */

	case 3: // STATE 4
		;
		now.accepting = trpt->bup.ovals[3];
		now.ds[0] = trpt->bup.ovals[2];
		now.c_grace = trpt->bup.ovals[1];
		now.c_dl = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 4: // STATE 5
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 5: // STATE 7
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC Session */

	case 6: // STATE 5
		;
		now.rcv = trpt->bup.ovals[3];
		now.dq = trpt->bup.ovals[2];
		now.kq = trpt->bup.ovals[1];
		now.cq = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;
;
		
	case 7: // STATE 6
		goto R999;

	case 8: // STATE 9
		;
		now.c_dl = trpt->bup.oval;
		;
		goto R999;

	case 9: // STATE 14
		;
		now.c_grace = trpt->bup.oval;
		;
		goto R999;

	case 10: // STATE 19
		;
		now.c_hb = trpt->bup.oval;
		;
		goto R999;

	case 11: // STATE 24
		;
		now.k_to = trpt->bup.oval;
		;
		goto R999;

	case 12: // STATE 29
		;
		now.c_req = trpt->bup.oval;
		;
		goto R999;

	case 13: // STATE 34
		;
		now.c_exp = trpt->bup.oval;
		;
		goto R999;

	case 14: // STATE 39
		;
		now.hage0 = trpt->bup.oval;
		;
		goto R999;

	case 15: // STATE 44
		;
		now.hage1 = trpt->bup.oval;
		;
		goto R999;

	case 16: // STATE 50
		;
		now.cq = trpt->bup.ovals[1];
		now.c_dlf = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 17: // STATE 53
		;
		now.cq = trpt->bup.ovals[1];
		now.c_hb = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 18: // STATE 57
		;
		now.c_natt = trpt->bup.ovals[2];
		now.c_att = trpt->bup.ovals[1];
		now.c_conn = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;
;
		;
		
	case 20: // STATE 59
		;
		XX = 1;
		unrecv(now.q0, XX-1, 0, trpt->bup.oval, 1);
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 23: // STATE 66
		;
		XX = 1;
		unrecv(now.q1, XX-1, 0, trpt->bup.oval, 1);
		;
		;
		goto R999;

	case 24: // STATE 88
		;
		now.cq = trpt->bup.ovals[14];
		now.k_to = trpt->bup.ovals[13];
		now.k_conn = trpt->bup.ovals[12];
		now.k_drop = trpt->bup.ovals[11];
		now.k_tof = trpt->bup.ovals[10];
		now.k_keys = trpt->bup.ovals[9];
		now.k_sess = trpt->bup.ovals[8];
		now.k_pc = trpt->bup.ovals[7];
		now.k_ctr = trpt->bup.ovals[6];
		now.k_epoch = trpt->bup.ovals[5];
		now.ks = trpt->bup.ovals[4];
		now.hage1 = trpt->bup.ovals[3];
		now.hage0 = trpt->bup.ovals[2];
		now.taint1 = trpt->bup.ovals[1];
		now.taint0 = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 15);
		goto R999;

	case 25: // STATE 88
		;
		now.cq = trpt->bup.ovals[14];
		now.k_to = trpt->bup.ovals[13];
		now.k_conn = trpt->bup.ovals[12];
		now.k_drop = trpt->bup.ovals[11];
		now.k_tof = trpt->bup.ovals[10];
		now.k_keys = trpt->bup.ovals[9];
		now.k_sess = trpt->bup.ovals[8];
		now.k_pc = trpt->bup.ovals[7];
		now.k_ctr = trpt->bup.ovals[6];
		now.k_epoch = trpt->bup.ovals[5];
		now.ks = trpt->bup.ovals[4];
		now.hage1 = trpt->bup.ovals[3];
		now.hage0 = trpt->bup.ovals[2];
		now.taint1 = trpt->bup.ovals[1];
		now.taint0 = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 15);
		goto R999;

	case 26: // STATE 91
		;
		now.kq = trpt->bup.ovals[1];
		now.k_tof = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		;
		
	case 28: // STATE 96
		;
		now.genuine = trpt->bup.ovals[3];
		now.rcv = trpt->bup.ovals[2];
		now.hage0 = trpt->bup.ovals[1];
		XX = 1;
		unrecv(now.q0, XX-1, 0, ((int)now.x), 1);
		now.x = trpt->bup.ovals[0];
		;
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;
;
		;
		
	case 30: // STATE 101
		;
		now.genuine = trpt->bup.ovals[3];
		now.rcv = trpt->bup.ovals[2];
		now.hage1 = trpt->bup.ovals[1];
		XX = 1;
		unrecv(now.q1, XX-1, 0, ((int)now.x), 1);
		now.x = trpt->bup.ovals[0];
		;
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;
	case 31: // STATE 358
		sv_restor();
		goto R999;
;
		;
			case 33: // STATE 467
		sv_restor();
		goto R999;
;
		;
			case 35: // STATE 1413
		sv_restor();
		goto R999;
;
		;
			case 37: // STATE 1421
		sv_restor();
		goto R999;
;
		;
			case 39: // STATE 1825
		sv_restor();
		goto R999;
;
		;
			case 41: // STATE 2827
		sv_restor();
		goto R999;
	case 42: // STATE 2943
		sv_restor();
		goto R999;

	case 43: // STATE 2948
		;
		p_restor(II);
		;
		;
		goto R999;
	}

